package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v3/apps} and the app's own sub-resources (env, current droplet, processes). */
public final class Apps {
    private final CfClient cf;

    Apps(CfClient cf) {
        this.cf = cf;
    }

    public App create(String name, String spaceGuid, Map<String, String> environment) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("relationships", Map.of("space", Relationship.to(spaceGuid)));
        if (!environment.isEmpty()) {
            body.put("environment_variables", environment);
        }
        return cf.post("/v3/apps", body, App.class);
    }

    public App get(String guid) {
        return cf.get("/v3/apps/" + guid, App.class);
    }

    public Optional<App> find(String name, String spaceGuid) {
        return cf.list("/v3/apps?names=" + Query.encode(name) + "&space_guids=" + spaceGuid, App.class)
                .stream().findFirst();
    }

    public List<App> list() {
        return cf.list("/v3/apps", App.class);
    }

    public App start(String guid) {
        return cf.post("/v3/apps/" + guid + "/actions/start", null, App.class);
    }

    public App stop(String guid) {
        return cf.post("/v3/apps/" + guid + "/actions/stop", null, App.class);
    }

    public App restart(String guid) {
        return cf.post("/v3/apps/" + guid + "/actions/restart", null, App.class);
    }

    public void setCurrentDroplet(String appGuid, String dropletGuid) {
        cf.patch("/v3/apps/" + appGuid + "/relationships/current_droplet", Relationship.to(dropletGuid),
                JsonNode.class);
    }

    /** Sets (or, with a null value, removes) environment variables; CC merges them with the others. */
    public void updateEnvironment(String appGuid, Map<String, String> variables) {
        cf.patch("/v3/apps/" + appGuid + "/environment_variables", Map.of("var", variables),
                JsonNode.class);
    }

    /** Deletes the app; returns once CC's job is complete. */
    public void delete(String guid) {
        cf.sendAndAwaitJob("DELETE", "/v3/apps/" + guid, null);
    }
}
