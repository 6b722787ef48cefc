package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import vigil.sim.http.JsonWriter;

/**
 * A route, and its destinations document, in CC's field order. HTTP routes have {@code port} null, TCP routes
 * their port and protocol {@code tcp};
 * {@code options} is left out when there are none; destinations are sorted by guid, as CC sorts them.
 */
final class RoutePresenter {

    private final ApiUrlBuilder urls;
    private final CcRepositories store;

    RoutePresenter(ApiUrlBuilder urls, CcRepositories store) {
        this.urls = urls;
        this.store = store;
    }

    ObjectNode present(Route route) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", route.guid());
        node.put("created_at", CcTimestamp.format(route.createdAt()));
        node.put("updated_at", CcTimestamp.format(route.updatedAt()));
        node.put("protocol", route.port() == null ? "http" : "tcp");
        node.put("host", route.host());
        node.put("path", route.path());
        if (route.port() == null) {
            node.putNull("port");
        } else {
            node.put("port", route.port());
        }
        node.put("url", store.uri(route));
        node.set("destinations", destinations(route));
        node.set("metadata", route.metadata().present());
        ObjectNode relationships = node.putObject("relationships");
        Relationships.toOne(relationships, "space", route.spaceGuid());
        Relationships.toOne(relationships, "domain", route.domainGuid());
        String self = "/v3/routes/" + route.guid();
        Links.of(node, urls)
             .add("self", self)
             .add("space", "/v3/spaces/" + route.spaceGuid())
             .add("destinations", self + "/destinations")
             .add("domain", "/v3/domains/" + route.domainGuid());
        return node;
    }

    /** {@code GET/POST/PATCH /v3/routes/:guid/destinations}. */
    ObjectNode presentDestinations(Route route) {
        ObjectNode node = JsonWriter.object();
        node.set("destinations", destinations(route));
        String self = "/v3/routes/" + route.guid();
        Links.of(node, urls).add("self", self + "/destinations").add("route", self);
        return node;
    }

    private ArrayNode destinations(Route route) {
        ArrayNode array = JsonWriter.object().arrayNode();
        route.destinations().stream().sorted(Comparator.comparing(Destination::guid)).forEach(destination -> {
            ObjectNode node = array.addObject();
            node.put("guid", destination.guid());
            ObjectNode app = node.putObject("app");
            app.put("guid", destination.appGuid());
            app.putObject("process").put("type", destination.processType());
            node.putNull("weight");
            node.put("port", destination.port());
            node.put("protocol", destination.protocol());
            node.put("created_at", CcTimestamp.format(destination.createdAt()));
            node.put("updated_at", CcTimestamp.format(destination.updatedAt()));
        });
        return array;
    }
}
