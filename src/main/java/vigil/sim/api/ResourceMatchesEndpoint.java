package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code POST /v3/resource_matches}: the sim keeps no resource cache, so nothing matches and clients
 * upload every file, which is always correct.
 */
final class ResourceMatchesEndpoint {

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "resources");
        if (!message.body().path("resources").isArray()) {
            message.problem("Resources must be an array");
        }
        message.validate();
        ObjectNode body = JsonWriter.object();
        body.putArray("resources");
        return V3Json.created(body);
    }
}
