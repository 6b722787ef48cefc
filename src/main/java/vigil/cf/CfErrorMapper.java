package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;

/** The one place that turns a CC error body ({@code {"errors":[{"detail","title","code"}]}}) into an exception. */
final class CfErrorMapper {
    private CfErrorMapper() {
    }

    static CfApiException toException(String request, Response response) {
        JsonNode body = CfJson.readOrNull(response.asByteArray());
        JsonNode error = body == null ? null : body.path("errors").path(0);
        if (error == null || error.isMissingNode()) {
            // Not a CC error body (a proxy or load balancer answered): keep the start of what came back.
            String text = abbreviate(response.asString());
            return new CfApiException(request, response.statusCode(), 0, "HTTP-" + response.statusCode(),
                    text.isBlank() ? "(empty body)" : text);
        }
        return new CfApiException(request, response.statusCode(), error.path("code").asInt(),
                error.path("title").asText(), error.path("detail").asText());
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
