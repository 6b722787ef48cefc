package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import vigil.sim.http.Response;

/** Successful v3 answers, with CC's content type; errors go through {@link CcErrorResponse}. */
final class V3Json {

    private V3Json() {
    }

    static Response ok(JsonNode body) {
        return Response.json(200, CcErrorResponse.V3_JSON, body);
    }

    static Response created(JsonNode body) {
        return Response.json(201, CcErrorResponse.V3_JSON, body);
    }

    static Response accepted(JsonNode body) {
        return Response.json(202, CcErrorResponse.V3_JSON, body);
    }

    /** CC's answer to an async request: 202, no body, the job to poll in Location. */
    static Response acceptedJob(String jobUrl) {
        return Response.empty(202).withHeader("Location", jobUrl);
    }

    static Response noContent() {
        return Response.empty(204);
    }
}
