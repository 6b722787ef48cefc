package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/apps}: create (with its web process, as CC creates it), get, list, update, delete (a job),
 * start/stop/restart, the env documents and the current droplet. Starting desires the app's processes
 * on the cells; stopping removes them.
 */
final class AppsEndpoint {

    private static final String PATH = "/v3/apps";
    private static final List<String> FILTERS = List.of("names", "organization_guids", "space_guids", "stacks",
            "include", "lifecycle_type", "label_selector");
    private static final List<String> ORDER_FIELDS = List.of("name", "state");
    /** CC's defaults: default_app_memory, default_app_disk_in_mb, and no log rate limit. */
    static final int DEFAULT_MEMORY_MB = 1024;
    static final int DEFAULT_DISK_MB = 1024;

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final AppPresenter presenter;
    private final DropletPresenter droplets;
    private final JobRunner jobs;
    private final ResourceDeleter deleter;
    private final DesiredProcesses running;

    AppsEndpoint(ApiUrlBuilder urls, CcRepositories store, AppEnvironment environment, JobRunner jobs,
                 ResourceDeleter deleter, DesiredProcesses running) {
        this.urls = urls;
        this.store = store;
        this.presenter = new AppPresenter(urls, environment);
        this.droplets = new DropletPresenter(urls);
        this.jobs = jobs;
        this.deleter = deleter;
        this.running = running;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, ORDER_FIELDS);
        List<ObjectNode> apps = new Listing<App>(query)
                .filter("names", App::name)
                .filter("space_guids", App::spaceGuid)
                .filter("organization_guids", app -> store.organizationGuidOfSpace(app.spaceGuid()))
                .filter("stacks", App::stack)
                .filter("lifecycle_type", app -> "buildpack")
                .orderByName(App::name)
                .apply(store.apps.all()).stream().map(presenter::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, apps));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(app(request)));
    }

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "name", "environment_variables", "relationships",
                "lifecycle", "metadata");
        String name = message.requiredString("name", "Name");
        if (name != null && name.length() > 255) {
            message.problem("Name is too long (maximum is 255 characters)");
        }
        String spaceGuid = message.relationshipGuid("space", "Space");
        JsonNode env = message.body().get("environment_variables");
        if (env != null && !env.isNull() && !env.isObject()) {
            message.problem("Environment variables must be an object");
        }
        Lifecycle lifecycle = lifecycle(message, List.of(), Stager.STACK);
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();
        if (!store.spaces.contains(spaceGuid)) {
            throw CcError.unprocessable("Invalid space. Ensure that the space exists and you have access to it.");
        }
        ObjectNode variables = env instanceof ObjectNode object ? object : vigil.sim.http.JsonWriter.object();
        App app = new App(CcRepositories.newGuid(), name, spaceGuid, App.STOPPED, variables, lifecycle.buildpacks(),
                lifecycle.stack(), null, store.now(), store.now(), metadata);
        if (!store.apps.addUnless(app, other -> other.spaceGuid().equals(spaceGuid) && other.name().equalsIgnoreCase(name))) {
            throw CcError.UNIQUENESS_ERROR.raise("App with the name '" + name + "' already exists.");
        }
        store.processes.add(new AppProcess(app.guid(), app.guid(), AppProcess.WEB, null, 1, DEFAULT_MEMORY_MB,
                DEFAULT_DISK_MB, -1, AppProcess.HealthCheckSpec.defaultFor(AppProcess.WEB), CcRepositories.newGuid(),
                store.now(), store.now(), Metadata.EMPTY));
        return V3Json.created(presenter.present(app));
    }

    private record Lifecycle(List<String> buildpacks, String stack) {
    }

    private static Lifecycle lifecycle(RequestMessage message, List<String> buildpacks, String stack) {
        JsonNode lifecycle = message.body().get("lifecycle");
        if (lifecycle == null || lifecycle.isNull()) {
            return new Lifecycle(buildpacks, stack);
        }
        String type = lifecycle.path("type").asText("buildpack");
        if (!"buildpack".equals(type)) {
            message.problem("Lifecycle type is not included in the list: buildpack");
            return new Lifecycle(buildpacks, stack);
        }
        JsonNode data = lifecycle.path("data");
        List<String> names = new ArrayList<>(buildpacks);
        if (data.has("buildpacks")) {
            names.clear();
            if (!data.get("buildpacks").isArray()) {
                message.problem("Buildpacks must be an array");
            } else {
                data.get("buildpacks").forEach(buildpack -> names.add(buildpack.asText()));
            }
        }
        String newStack = data.hasNonNull("stack") ? data.get("stack").asText() : stack;
        return new Lifecycle(names, newStack);
    }

    Response update(Request request, SecurityContext security) {
        security.requireWriter();
        App current = app(request);
        RequestMessage message = RequestMessage.of(request, "name", "lifecycle", "metadata");
        String name = message.optionalString("name", "Name").orElse(current.name());
        Lifecycle lifecycle = lifecycle(message, current.buildpacks(), current.stack());
        Metadata metadata = current.metadata().updatedBy(message);
        message.validate();
        App updated = store.apps.update(current.guid(), app -> {
            if (store.apps.any(other -> !other.guid().equals(app.guid()) && other.spaceGuid().equals(app.spaceGuid())
                    && other.name().equalsIgnoreCase(name))) {
                throw CcError.UNIQUENESS_ERROR.raise("App with the name '" + name + "' already exists.");
            }
            return app.updated(name, lifecycle.buildpacks(), lifecycle.stack(), metadata, store.now());
        }).orElseThrow(() -> CcError.notFound("App"));
        return V3Json.ok(presenter.present(updated));
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        String guid = app(request).guid();
        return V3Json.acceptedJob(jobs.enqueue("app.delete", "app", guid, () -> deleter.deleteApp(guid)));
    }

    Response start(Request request, SecurityContext security) {
        App app = app(request);
        if (app.dropletGuid() == null) {
            throw CcError.unprocessable("Assign a droplet before starting this app.");
        }
        security.requireWriter();
        if (!app.started()) {
            store.apps.update(app.guid(), current -> current.withState(App.STARTED, store.now()));
            running.start(app.guid());
        }
        return V3Json.ok(presenter.present(store.app(app.guid())));
    }

    Response stop(Request request, SecurityContext security) {
        App app = app(request);
        security.requireWriter();
        if (app.started()) {
            store.apps.update(app.guid(), current -> current.withState(App.STOPPED, store.now()));
            running.stop(app.guid());
        }
        return V3Json.ok(presenter.present(store.app(app.guid())));
    }

    /** Stop then start, as CC's AppRestart: a new version, so every instance is replaced. */
    Response restart(Request request, SecurityContext security) {
        App app = app(request);
        if (app.dropletGuid() == null) {
            throw CcError.unprocessable("Assign a droplet before starting this app.");
        }
        security.requireWriter();
        running.stop(app.guid());
        store.apps.update(app.guid(), current -> current.withState(App.STARTED, store.now()));
        running.start(app.guid());
        return V3Json.ok(presenter.present(store.app(app.guid())));
    }

    Response env(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.presentEnv(app(request)));
    }

    Response environmentVariables(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.presentEnvironmentVariables(app(request)));
    }

    /** PATCH merges the given variables into the app's; a null value removes one (CC's AppPatchEnvironmentVariables). */
    Response updateEnvironmentVariables(Request request, SecurityContext security) {
        App current = app(request);
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "var");
        JsonNode changes = message.body().get("var");
        if (changes == null || !changes.isObject()) {
            message.problem("Var must be an object");
        } else {
            changes.fields().forEachRemaining(entry -> {
                if (entry.getKey().startsWith("VCAP_") || entry.getKey().startsWith("VMC_")) {
                    message.problem("Var cannot start with " + entry.getKey().substring(0, entry.getKey().indexOf('_') + 1));
                } else if (entry.getKey().equals("PORT")) {
                    message.problem("Var cannot set PORT");
                } else if (!entry.getValue().isNull() && !entry.getValue().isTextual()) {
                    message.problem("Var must have a string value for key '" + entry.getKey() + "'");
                }
            });
        }
        message.validate();
        App updated = store.apps.update(current.guid(), app -> {
            ObjectNode variables = app.environmentVariables();
            changes.fields().forEachRemaining(entry -> {
                if (entry.getValue().isNull()) {
                    variables.remove(entry.getKey());
                } else {
                    variables.set(entry.getKey(), entry.getValue());
                }
            });
            return app.withEnvironment(variables, store.now());
        }).orElseThrow(() -> CcError.notFound("App"));
        return V3Json.ok(presenter.presentEnvironmentVariables(updated));
    }

    Response currentDropletRelationship(Request request, SecurityContext security) {
        security.requireReader();
        App app = app(request);
        if (app.dropletGuid() == null || !store.droplets.contains(app.dropletGuid())) {
            throw CcError.notFound("Droplet");
        }
        return V3Json.ok(presenter.presentCurrentDroplet(app));
    }

    Response currentDroplet(Request request, SecurityContext security) {
        security.requireReader();
        App app = app(request);
        Droplet droplet = app.dropletGuid() == null ? null : store.droplets.get(app.dropletGuid()).orElse(null);
        if (droplet == null) {
            throw CcError.notFound("Droplet");
        }
        return V3Json.ok(droplets.present(droplet));
    }

    /**
     * Sets the current droplet. As in CC v3, processes of a started app keep running the old droplet
     * until the app is restarted; the web process exists already (created with the app).
     */
    Response assignCurrentDroplet(Request request, SecurityContext security) {
        App app = app(request);
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "data");
        JsonNode data = message.body().get("data");
        if (message.has("data") && (data == null || data.isNull() || data.path("guid").isNull())) {
            throw CcError.unprocessable("Current droplet cannot be removed. Replace it with a preferred droplet.");
        }
        message.validate();
        String dropletGuid = data == null ? null : data.path("guid").asText(null);
        Droplet droplet = dropletGuid == null ? null : store.droplets.get(dropletGuid).orElse(null);
        if (droplet == null || !droplet.appGuid().equals(app.guid())) {
            throw CcError.unprocessable("Unable to assign current droplet. Ensure the droplet exists and belongs to this app.");
        }
        if (!Droplet.STAGED.equals(droplet.state())) {
            throw CcError.unprocessable("Unable to assign current droplet. Ensure the droplet exists and belongs to this app.");
        }
        App updated = store.apps.update(app.guid(), current -> current.withDroplet(droplet.guid(), store.now()))
                .orElseThrow(() -> CcError.notFound("App"));
        DropletProcessTypes.ensure(store, app.guid(), droplet);
        return V3Json.ok(presenter.presentCurrentDroplet(updated));
    }

    private App app(Request request) {
        return store.app(request.pathParam("guid").orElseThrow());
    }
}
