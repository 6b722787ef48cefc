package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.restassured.response.Response;
import java.util.Optional;

/**
 * A successful CC answer: its JSON body (a null node for an empty 202/204) and, for asynchronous
 * operations, the job in its {@code Location} header. Error answers become {@link CfApiException}s here.
 */
record CcAnswer(int status, JsonNode body, Optional<String> jobLocation) {

    static CcAnswer of(CfHttp cc, String request, Response response) {
        if (response.statusCode() >= 400) {
            throw CfErrorMapper.toException(request, response);
        }
        JsonNode body = CfJson.readOrNull(response.asByteArray());
        if (body == null && response.statusCode() != 202 && response.statusCode() != 204) {
            throw new IllegalStateException(request + " at " + cc.baseUri() + " answered " + response.statusCode()
                    + " without a JSON body: is this a Cloud Foundry API?");
        }
        String location = response.statusCode() == 202 ? response.getHeader("Location") : null;
        Optional<String> job = Optional.ofNullable(location).filter(l -> l.contains("/v3/jobs/"));
        return new CcAnswer(response.statusCode(), body == null ? NullNode.getInstance() : body, job);
    }
}
