package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/deployments}: create (201) of a droplet or of an earlier {@code revision} (a rollback), with the
 * {@code rolling} or {@code canary} strategy; get, list, update (metadata), cancel (200, no body) and continue
 * (200, a paused canary only; otherwise 422), with CC's messages.
 */
final class DeploymentsEndpoint {

    private static final String PATH = "/v3/deployments";
    private static final List<String> FILTERS = List.of("app_guids", "states", "status_reasons", "status_values",
            "label_selector");
    private static final Set<String> OPTION_KEYS = Set.of("canary", "max_in_flight", "web_instances", "memory_in_mb",
            "disk_in_mb", "log_rate_limit_in_bytes_per_second");
    private static final String UNABLE_TO_USE_APP = "Unable to use app. Ensure that the app exists and you have access to it.";

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final Deployer deployer;
    private final DeploymentPresenter presenter;

    DeploymentsEndpoint(ApiUrlBuilder urls, CcRepositories store, Deployer deployer) {
        this.urls = urls;
        this.store = store;
        this.deployer = deployer;
        this.presenter = new DeploymentPresenter(urls, store);
    }

    Response create(Request request, SecurityContext security) {
        security.requireCaller();
        RequestMessage message = RequestMessage.of(request, "relationships", "droplet", "revision", "strategy",
                "options", "metadata");
        String strategy = message.optionalString("strategy", "Strategy").orElse(Deployment.ROLLING);
        if (!strategy.equals(Deployment.ROLLING) && !strategy.equals(Deployment.CANARY)) {
            message.problem("Strategy '" + strategy + "' is not a supported deployment strategy");
        }
        JsonNode droplet = message.body().get("droplet");
        JsonNode revision = message.body().get("revision");
        boolean hasDroplet = droplet != null && !droplet.isNull() && !droplet.isEmpty();
        if (hasDroplet && revision != null && !revision.isNull() && !revision.isEmpty()) {
            message.problem("Droplet Cannot set both fields 'droplet' and 'revision'");
        }
        Deployer.Options options = options(message, strategy);
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();

        String appGuid = message.body().path("relationships").path("app").path("data").path("guid").asText(null);
        App app = appGuid == null ? null : store.apps.get(appGuid).orElse(null);
        if (app == null) {
            throw CcError.unprocessable(UNABLE_TO_USE_APP);
        }
        security.requireWriter();
        if (revision != null && !revision.isNull() && revision.has("guid")) {
            Revision target = store.revisions.get(revision.path("guid").asText(""))
                    .filter(found -> found.appGuid().equals(app.guid()))
                    .orElseThrow(() -> CcError.unprocessable("The revision does not exist"));
            if (!deployer.revisions().deployable(target)) {
                throw CcError.unprocessable("Unable to deploy this revision, the droplet for this revision no longer exists.");
            }
            return created(deployer.rollBack(app, target, options), metadata);
        }
        Droplet target;
        if (hasDroplet) {
            String guid = droplet.path("guid").asText("");
            target = store.droplets.get(guid)
                    .filter(found -> found.appGuid().equals(app.guid()) && Droplet.STAGED.equals(found.state()))
                    .orElseThrow(() -> CcError.unprocessable(
                            "Unable to assign current droplet. Ensure the droplet exists and belongs to this app."));
        } else {
            target = app.dropletGuid() == null ? null : store.droplets.get(app.dropletGuid()).orElse(null);
            if (target == null) {
                throw CcError.unprocessable(
                        "Invalid droplet. Please specify a droplet in the request or set a current droplet for the app.");
            }
        }
        return created(deployer.deploy(app, target, options), metadata);
    }

    private Response created(Deployment deployment, Metadata metadata) {
        if (!metadata.equals(Metadata.EMPTY)) {
            deployment = store.deployments.update(deployment.guid(), d -> d.withMetadata(metadata, d.updatedAt()))
                    .orElse(deployment);
        }
        return V3Json.created(presenter.present(deployment));
    }

    /** {@code options}, checked as CC's DeploymentCreateMessage checks them. */
    private static Deployer.Options options(RequestMessage message, String strategy) {
        JsonNode options = message.body().get("options");
        if (options == null || options.isNull() || (options.isObject() && options.isEmpty())) {
            return new Deployer.Options(strategy, 1, null, null, null, null);
        }
        if (!options.isObject()) {
            message.problem("Options must be an object");
            return new Deployer.Options(strategy, 1, null, null, null, null);
        }
        List<String> unsupported = new ArrayList<>();
        options.fieldNames().forEachRemaining(key -> {
            if (!OPTION_KEYS.contains(key)) {
                unsupported.add(key);
            }
        });
        if (!unsupported.isEmpty()) {
            message.problem("Options has unsupported key(s): " + String.join(", ", unsupported));
        }
        if (options.has("canary") && !Deployment.CANARY.equals(strategy)) {
            message.problem("Options canary are only valid for Canary deployments");
        }
        int maxInFlight = 1;
        JsonNode max = options.get("max_in_flight");
        if (max != null && !max.isNull()) {
            if (!max.isIntegralNumber() || max.asLong() < 1 || max.asLong() > Integer.MAX_VALUE) {
                message.problem("Max in flight must be an integer greater than 0");
            } else {
                maxInFlight = max.asInt();
            }
        }
        return new Deployer.Options(strategy, maxInFlight,
                positive(message, options, "web_instances", "Web instances", 0, true),
                positive(message, options, "memory_in_mb", "Memory in mb", 0, false),
                positive(message, options, "disk_in_mb", "Disk in mb", 0, false),
                logRate(positive(message, options, "log_rate_limit_in_bytes_per_second",
                        "Log rate limit in bytes per second", -1, true)));
    }

    private static Long logRate(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static Integer positive(RequestMessage message, JsonNode options, String field, String label, long min,
                                    boolean inclusive) {
        JsonNode value = options.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || (inclusive ? value.asLong() < min : value.asLong() <= min)
                || value.asLong() > Integer.MAX_VALUE) {
            message.problem(label + " must be an integer greater than " + (inclusive ? "or equal to " : "") + min);
            return null;
        }
        return value.asInt();
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(deployment(request)));
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        List<ObjectNode> deployments = new Listing<Deployment>(query)
                .filter("app_guids", Deployment::appGuid)
                .filter("states", Deployment::state)
                .filter("status_reasons", Deployment::statusReason)
                .filter("status_values", Deployment::statusValue)
                .apply(store.deployments.all()).stream().map(presenter::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, deployments));
    }

    Response update(Request request, SecurityContext security) {
        security.requireCaller();
        Deployment current = deployment(request);
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "metadata");
        Metadata metadata = current.metadata().updatedBy(message);
        message.validate();
        Deployment updated = store.deployments.update(current.guid(), d -> d.withMetadata(metadata, store.now()))
                .orElseThrow(() -> CcError.notFound("Deployment"));
        return V3Json.ok(presenter.present(updated));
    }

    /** CC answers a cancel with 200 and no body. */
    Response cancel(Request request, SecurityContext security) {
        Deployment deployment = deployment(request);
        security.requireWriter();
        deployer.cancel(deployment);
        return Response.empty(200);
    }

    /** Only a paused canary deployment continues; CC answers with the deployment. */
    Response continueDeployment(Request request, SecurityContext security) {
        Deployment deployment = deployment(request);
        security.requireWriter();
        return V3Json.ok(presenter.present(deployer.continueDeployment(deployment)));
    }

    private Deployment deployment(Request request) {
        return store.deployment(request.pathParam("guid").orElseThrow());
    }
}
