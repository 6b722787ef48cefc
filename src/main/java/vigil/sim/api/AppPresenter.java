package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.JsonWriter;

/** An app, its env documents and its current-droplet relationship, in CC's field order. */
final class AppPresenter {

    private final ApiUrlBuilder urls;
    private final AppEnvironment environment;

    AppPresenter(ApiUrlBuilder urls, AppEnvironment environment) {
        this.urls = urls;
        this.environment = environment;
    }

    ObjectNode present(App app) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", app.guid());
        node.put("created_at", CcTimestamp.format(app.createdAt()));
        node.put("updated_at", CcTimestamp.format(app.updatedAt()));
        node.put("name", app.name());
        node.put("state", app.state());
        node.set("lifecycle", lifecycle(app.buildpacks(), app.stack()));
        ObjectNode relationships = node.putObject("relationships");
        Relationships.toOne(relationships, "space", app.spaceGuid());
        // CC renders the current droplet as {"data": {"guid": null}} when there is none.
        relationships.putObject("current_droplet").putObject("data").put("guid", app.dropletGuid());
        node.set("metadata", app.metadata().present());
        String self = "/v3/apps/" + app.guid();
        Links.of(node, urls)
             .add("self", self)
             .add("environment_variables", self + "/environment_variables")
             .add("space", "/v3/spaces/" + app.spaceGuid())
             .add("processes", self + "/processes")
             .add("packages", self + "/packages")
             .add("current_droplet", self + "/droplets/current")
             .add("droplets", self + "/droplets")
             .add("tasks", self + "/tasks")
             .add("start", self + "/actions/start", "POST")
             .add("stop", self + "/actions/stop", "POST")
             .add("clear_buildpack_cache", self + "/actions/clear_buildpack_cache", "POST")
             .add("revisions", self + "/revisions")
             .add("deployed_revisions", self + "/revisions/deployed")
             .add("features", self + "/features");
        return node;
    }

    static ObjectNode lifecycle(List<String> buildpacks, String stack) {
        ObjectNode lifecycle = JsonWriter.object();
        lifecycle.put("type", "buildpack");
        ObjectNode data = lifecycle.putObject("data");
        ArrayNode names = data.putArray("buildpacks");
        buildpacks.forEach(names::add);
        data.put("stack", stack);
        return lifecycle;
    }

    /** {@code GET /v3/apps/:guid/environment_variables} and its PATCH answer. */
    ObjectNode presentEnvironmentVariables(App app) {
        ObjectNode node = JsonWriter.object();
        node.set("var", app.environmentVariables());
        Links.of(node, urls)
             .add("self", "/v3/apps/" + app.guid() + "/environment_variables")
             .add("app", "/v3/apps/" + app.guid());
        return node;
    }

    /** {@code GET /v3/apps/:guid/env}; the sim has no environment variable groups, so those are empty. */
    ObjectNode presentEnv(App app) {
        ObjectNode node = JsonWriter.object();
        node.set("environment_variables", app.environmentVariables());
        node.putObject("staging_env_json");
        node.putObject("running_env_json");
        node.set("system_env_json", environment.systemEnv(app));
        node.putObject("application_env_json").set("VCAP_APPLICATION", environment.applicationEnv(app));
        return node;
    }

    /** {@code GET/PATCH /v3/apps/:guid/relationships/current_droplet}. */
    ObjectNode presentCurrentDroplet(App app) {
        ObjectNode node = JsonWriter.object();
        node.putObject("data").put("guid", app.dropletGuid());
        ObjectNode links = node.putObject("links");
        links.putObject("self").put("href", urls.url("/v3/apps/" + app.guid() + "/relationships/current_droplet"));
        links.putObject("related").put("href", urls.url("/v3/apps/" + app.guid() + "/droplets/current"));
        return node;
    }
}
