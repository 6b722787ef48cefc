package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The routing API's router groups ({@code GET /routing/v1/router_groups}, on the API's host as cf-deployment
 * serves it, linked from {@code GET /} as {@code routing}): a TCP domain is made with one of them.
 */
public final class RouterGroups {
    private final CfClient cf;

    RouterGroups(CfClient cf) {
        this.cf = cf;
    }

    /** The guid of the router group with this name (e.g. {@code default-tcp}), if the routing API has it. */
    public Optional<String> guidOf(String name) {
        JsonNode groups = cf.send("GET", "/routing/v1/router_groups?name=" + Query.encode(name), null).body();
        for (JsonNode group : groups) {
            if (name.equals(group.path("name").asText())) {
                return Optional.of(group.path("guid").asText());
            }
        }
        return Optional.empty();
    }
}
