package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.restassured.response.Response;
import java.util.Optional;

/**
 * A successful CC answer: its JSON body (a null node when it has none) and, for asynchronous
 * operations, the job in its {@code Location} header. Error answers become {@link CfApiException}s here.
 */
record CcAnswer(int status, JsonNode body, Optional<String> jobLocation) {

    static CcAnswer of(String request, Response response) {
        if (response.statusCode() >= 400) {
            throw CfErrorMapper.toException(request, response);
        }
        // Some successes have no body (204, a 202 with a job, CC's 200 to a deployment cancel).
        JsonNode body = CfJson.readOrNull(response.asByteArray());
        String location = response.statusCode() == 202 ? response.getHeader("Location") : null;
        Optional<String> job = Optional.ofNullable(location).filter(l -> l.contains("/v3/jobs/"));
        return new CcAnswer(response.statusCode(), body == null ? NullNode.getInstance() : body, job);
    }
}
