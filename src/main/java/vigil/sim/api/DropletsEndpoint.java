package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/droplets}: get, list, delete (a job), and copy to another app
 * ({@code POST /v3/droplets?source_guid=}), which is COPYING until the JAR is copied, then STAGED.
 */
final class DropletsEndpoint {

    private static final String PATH = "/v3/droplets";
    private static final List<String> FILTERS = List.of("app_guids", "states", "space_guids", "organization_guids",
            "label_selector");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final DropletPresenter presenter;
    private final Stager stager;
    private final JobRunner jobs;
    private final ResourceDeleter deleter;

    DropletsEndpoint(ApiUrlBuilder urls, CcRepositories store, Stager stager, JobRunner jobs, ResourceDeleter deleter) {
        this.urls = urls;
        this.store = store;
        this.presenter = new DropletPresenter(urls);
        this.stager = stager;
        this.jobs = jobs;
        this.deleter = deleter;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        return V3Json.ok(PaginatedList.of(urls, PATH, query, droplets(query, store.droplets.all())));
    }

    Response listForApp(Request request, SecurityContext security) {
        security.requireReader();
        String appGuid = store.app(request.pathParam("guid").orElseThrow()).guid();
        ListQuery query = ListQuery.parse(request.query(), List.of("current", "states", "label_selector"), List.of());
        String current = store.app(appGuid).dropletGuid();
        List<Droplet> droplets = store.droplets.where(droplet -> droplet.appGuid().equals(appGuid)
                && (!"true".equals(query.filters().get("current")) || droplet.guid().equals(current)));
        return V3Json.ok(PaginatedList.of(urls, "/v3/apps/" + appGuid + "/droplets", query, droplets(query, droplets)));
    }

    private List<ObjectNode> droplets(ListQuery query, List<Droplet> droplets) {
        return new Listing<Droplet>(query)
                .filter("app_guids", Droplet::appGuid)
                .filter("states", Droplet::state)
                .filter("space_guids", droplet -> store.spaceGuidOfApp(droplet.appGuid()))
                .filter("organization_guids", droplet -> store.organizationGuidOfSpace(store.spaceGuidOfApp(droplet.appGuid())))
                .apply(droplets).stream().map(presenter::present).toList();
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(store.droplet(request.pathParam("guid").orElseThrow())));
    }

    /** Only copies: the sim stages droplets through builds and has no droplet upload. */
    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        String sourceGuid = request.query().get("source_guid");
        RequestMessage message = RequestMessage.of(request, "relationships");
        String appGuid = message.relationshipGuid("app", "App");
        message.validate();
        if (sourceGuid == null) {
            throw CcError.unprocessable("Droplet upload is not supported by the sim; copy one with ?source_guid=");
        }
        Droplet source = store.droplet(sourceGuid);
        App app = store.app(appGuid);
        if (!Droplet.STAGED.equals(source.state())) {
            throw CcError.unprocessable("source droplet is not staged");
        }
        Droplet copy = new Droplet(CcRepositories.newGuid(), app.guid(), null, Droplet.COPYING, null, null,
                source.processTypes(), source.executionMetadata(), source.buildpack(), source.stack(), null,
                store.now(), store.now(), Metadata.EMPTY);
        store.droplets.add(copy);
        stager.copy(source, copy);
        return V3Json.created(presenter.present(copy));
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        Droplet droplet = store.droplet(request.pathParam("guid").orElseThrow());
        if (store.apps.any(app -> droplet.guid().equals(app.dropletGuid()))) {
            throw CcError.unprocessable("The droplet is currently used by app with guid \"" + droplet.appGuid() + "\".");
        }
        return V3Json.acceptedJob(jobs.enqueue("droplet.delete", "droplet", droplet.guid(),
                () -> deleter.deleteDroplet(droplet.guid())));
    }
}
