package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/** {@code /v3/builds}: staging a READY package into a droplet, STAGING -> STAGED | FAILED, in the background. */
final class BuildsEndpoint {

    private static final String PATH = "/v3/builds";
    private static final List<String> FILTERS = List.of("app_guids", "package_guids", "states", "label_selector");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final BuildPresenter presenter;
    private final Stager stager;

    BuildsEndpoint(ApiUrlBuilder urls, CcRepositories store, Stager stager) {
        this.urls = urls;
        this.store = store;
        this.presenter = new BuildPresenter(urls);
        this.stager = stager;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        return V3Json.ok(PaginatedList.of(urls, PATH, query, builds(query, store.builds.all())));
    }

    Response listForApp(Request request, SecurityContext security) {
        security.requireReader();
        String appGuid = store.app(request.pathParam("guid").orElseThrow()).guid();
        ListQuery query = ListQuery.parse(request.query(), List.of("states", "label_selector"), List.of());
        return V3Json.ok(PaginatedList.of(urls, "/v3/apps/" + appGuid + "/builds", query,
                builds(query, store.builds.where(build -> build.appGuid().equals(appGuid)))));
    }

    private List<ObjectNode> builds(ListQuery query, List<Build> builds) {
        return new Listing<Build>(query)
                .filter("app_guids", Build::appGuid)
                .filter("package_guids", Build::packageGuid)
                .filter("states", Build::state)
                .apply(builds).stream().map(presenter::present).toList();
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(store.build(request.pathParam("guid").orElseThrow())));
    }

    Response create(Request request, SecurityContext security) {
        Caller caller = security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "package", "lifecycle", "staging_memory_in_mb",
                "staging_disk_in_mb", "staging_log_rate_limit_bytes_per_second", "metadata");
        String packageGuid = message.body().path("package").path("guid").asText(null);
        if (packageGuid == null) {
            message.problem("Package guid must be a string");
        }
        int memory = message.optionalInteger("staging_memory_in_mb", "Staging memory in mb", 0, false)
                .orElse(AppsEndpoint.DEFAULT_MEMORY_MB);
        int disk = message.optionalInteger("staging_disk_in_mb", "Staging disk in mb", 0, false)
                .orElse(AppsEndpoint.DEFAULT_DISK_MB);
        long logRate = message.optionalInteger("staging_log_rate_limit_bytes_per_second",
                "Staging log rate limit bytes per second", -1, true).orElse(-1);
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();
        BitsPackage pkg = store.packages.get(packageGuid).orElseThrow(() ->
                CcError.unprocessable("Unable to use package. Ensure that the package exists and you have access to it."));
        if (!BitsPackage.READY.equals(pkg.state())) {
            throw CcError.BAD_REQUEST.raise("Cannot stage package whose state is not ready.");
        }
        App app = store.app(pkg.appGuid());
        Build build = new Build(CcRepositories.newGuid(), app.guid(), pkg.guid(), Build.STAGING, null, memory, disk, logRate,
                app.buildpacks(), app.stack(), null, caller, store.now(), store.now(), metadata);
        store.builds.add(build);
        stager.stage(build);
        return V3Json.created(presenter.present(build));
    }
}
