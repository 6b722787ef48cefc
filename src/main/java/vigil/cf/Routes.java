package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v3/routes} and {@code /v3/domains}: routes and where they lead. */
public final class Routes {
    private final CfClient cf;

    Routes(CfClient cf) {
        this.cf = cf;
    }

    public Optional<Domain> domain(String name) {
        return cf.list("/v3/domains?names=" + Query.encode(name), Domain.class).stream().findFirst();
    }

    /** Creates a route {@code host.domain[path]} in the space; path may be empty. */
    public Route create(String host, String path, String domainGuid, String spaceGuid) {
        Map<String, Object> body = new HashMap<>();
        body.put("host", host);
        if (path != null && !path.isEmpty()) {
            body.put("path", path);
        }
        body.put("relationships", Map.of("domain", Relationship.to(domainGuid), "space", Relationship.to(spaceGuid)));
        return cf.post("/v3/routes", body, Route.class);
    }

    public List<Route> ofApp(String appGuid) {
        return cf.list("/v3/apps/" + appGuid + "/routes", Route.class);
    }

    public List<Route> list() {
        return cf.list("/v3/routes", Route.class);
    }

    /** Adds the app's web process as a destination of the route. */
    public void map(String routeGuid, String appGuid) {
        cf.post("/v3/routes/" + routeGuid + "/destinations",
                Map.of("destinations", List.of(Map.of("app", Map.of("guid", appGuid)))),
                JsonNode.class);
    }

    /** The process types the route's destinations lead to (CC's {@code app.process.type}), one per destination. */
    public List<String> destinationsOf(String routeGuid) {
        JsonNode destinations = cf.get("/v3/routes/" + routeGuid + "/destinations", JsonNode.class);
        List<String> types = new ArrayList<>();
        destinations.path("destinations").forEach(d -> types.add(d.path("app").path("process").path("type").asText()));
        return types;
    }

    /** Removes every destination of the route that leads to the app. */
    public void unmap(String routeGuid, String appGuid) {
        JsonNode destinations = cf.get("/v3/routes/" + routeGuid + "/destinations",
                JsonNode.class);
        for (JsonNode destination : destinations.path("destinations")) {
            if (appGuid.equals(destination.path("app").path("guid").asText())) {
                cf.send("DELETE", "/v3/routes/" + routeGuid + "/destinations/" + destination.path("guid").asText(),
                        null);
            }
        }
    }

    public void delete(String guid) {
        cf.sendAndAwaitJob("DELETE", "/v3/routes/" + guid, null);
    }
}
