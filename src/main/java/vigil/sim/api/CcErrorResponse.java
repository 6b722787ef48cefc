package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Response;

/**
 * The one place that writes Cloud Controller error bodies. CC answers in two formats: the v3
 * {@code {"errors":[{"detail","title","code"}]}} under {@code /v3}, and the v2
 * {@code {"description","error_code","code"}} everywhere else (CC's v2 front controller serves
 * {@code /}, {@code /v2/...} and any unknown path outside {@code /v3}).
 */
final class CcErrorResponse {

    static final String V3_JSON = "application/json; charset=utf-8";
    static final String V2_JSON = "application/json;charset=utf-8";

    private CcErrorResponse() {
    }

    static Response forPath(String path, ApiError error) {
        return CloudControllerHandler.isV3(path) ? v3(error) : v2(error);
    }

    static Response v3(ApiError error) {
        ObjectNode body = JsonWriter.object();
        var errors = body.putArray("errors");
        for (ApiError each : error.all()) {
            errors.addObject()
                  .put("detail", each.detail())
                  .put("title", each.error().title())
                  .put("code", each.error().code());
        }
        return Response.json(error.error().status(), V3_JSON, body);
    }

    static Response v2(ApiError error) {
        ObjectNode body = JsonWriter.object()
                .put("description", error.detail())
                .put("error_code", error.error().title())
                .put("code", error.error().code());
        return Response.json(error.error().status(), V2_JSON, body);
    }
}
