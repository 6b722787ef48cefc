package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * The routing API's router groups ({@code GET /routing/v1/router_groups}, linked from {@code GET /} as
 * {@code routing}): one TCP group, {@code default-tcp}, as cf-deployment's routing ops file creates. A
 * domain created with its guid as {@code router_group} is a TCP domain. The reservable ports are the whole
 * unprivileged range because the sim's TCP router binds route ports on this machine's loopback, where any
 * free port will do.
 */
final class RouterGroups {

    static final String PATH = "/routing/v1/router_groups";
    static final String DEFAULT_TCP = "default-tcp";
    static final int FIRST_PORT = 1024;
    static final int LAST_PORT = 65535;

    private final String tcpGroupGuid = CcRepositories.newGuid();

    boolean exists(String guid) {
        return tcpGroupGuid.equals(guid);
    }

    /** The routing API answers a plain JSON array; {@code ?name=} filters by name. */
    Response list(Request request, SecurityContext security) {
        security.requireCaller();
        ArrayNode groups = JsonWriter.object().arrayNode();
        String name = request.query().get("name");
        if (name == null || name.equals(DEFAULT_TCP)) {
            ObjectNode group = groups.addObject();
            group.put("guid", tcpGroupGuid);
            group.put("name", DEFAULT_TCP);
            group.put("type", "tcp");
            group.put("reservable_ports", FIRST_PORT + "-" + LAST_PORT);
        }
        return Response.json(200, "application/json", groups);
    }
}
