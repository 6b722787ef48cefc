package vigil.sim.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Response;

/**
 * Error answers of the admin endpoints, in the Cloud Controller's v3 error shape with CC's codes, so that
 * a CF client reports them as it reports any CC error.
 */
final class AdminErrors {

    static final String JSON = "application/json; charset=utf-8";

    private AdminErrors() {
    }

    static Response parseError(String detail) {
        return error(400, 1001, "CF-MessageParseError", "Request invalid due to parse error: " + detail);
    }

    static Response notFound(String resource) {
        return error(404, 10010, "CF-ResourceNotFound", resource + " not found");
    }

    static Response unprocessable(String detail) {
        return error(422, 10008, "CF-UnprocessableEntity", detail);
    }

    private static Response error(int status, int code, String title, String detail) {
        ObjectNode body = JsonWriter.object();
        body.putArray("errors").addObject().put("detail", detail).put("title", title).put("code", code);
        return Response.json(status, JSON, body);
    }
}
