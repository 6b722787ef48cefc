package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import vigil.sim.http.JsonWriter;

/**
 * The Cloud Controller's side of the Open Service Broker API 2.15: every request carries HTTP basic auth,
 * {@code X-Broker-API-Version: 2.15} and {@code X-Broker-API-Originating-Identity}, as CC sends them.
 * A broker that answers outside 2xx (other than 410 Gone on unbind/deprovision/last_operation, which the
 * callers judge) raises CC's {@code CF-ServiceBrokerBadResponse} with the broker's description.
 * Bindings are asked for synchronously (no {@code accepts_incomplete}); a broker that can only bind
 * asynchronously answers 422 AsyncRequired, which is reported like any other refusal.
 */
final class BrokerClient {

    static final String API_VERSION = "2.15";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
    private final BrokerAddresses addresses;

    BrokerClient(BrokerAddresses addresses) {
        this.addresses = addresses;
    }

    JsonNode catalog(BrokerEndpoint broker) {
        BrokerReply reply = send(broker, "GET", "/v2/catalog", null);
        requireSuccess(broker, "GET", "/v2/catalog", reply);
        return reply.body();
    }

    BrokerReply provision(BrokerEndpoint broker, String instanceId, ObjectNode body) {
        return send(broker, "PUT", "/v2/service_instances/" + instanceId + "?accepts_incomplete=true", body);
    }

    /** {@code GET .../last_operation} with the ids and the broker's {@code operation}, when it gave one. */
    BrokerReply lastOperation(BrokerEndpoint broker, String instanceId, String serviceId, String planId, String operation) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("service_id", serviceId);
        query.put("plan_id", planId);
        if (operation != null) {
            query.put("operation", operation);
        }
        return send(broker, "GET", "/v2/service_instances/" + instanceId + "/last_operation?" + query(query), null);
    }

    BrokerReply deprovision(BrokerEndpoint broker, String instanceId, String serviceId, String planId) {
        return send(broker, "DELETE", "/v2/service_instances/" + instanceId + "?" + query(Map.of(
                "accepts_incomplete", "true", "service_id", serviceId, "plan_id", planId)), null);
    }

    BrokerReply bind(BrokerEndpoint broker, String instanceId, String bindingId, ObjectNode body) {
        return send(broker, "PUT", "/v2/service_instances/" + instanceId + "/service_bindings/" + bindingId, body);
    }

    /** With null ids the request goes without {@code service_id} and {@code plan_id} (a test-only fault). */
    BrokerReply unbind(BrokerEndpoint broker, String instanceId, String bindingId, String serviceId, String planId) {
        String path = "/v2/service_instances/" + instanceId + "/service_bindings/" + bindingId;
        return send(broker, "DELETE", serviceId == null ? path
                : path + "?" + query(Map.of("service_id", serviceId, "plan_id", planId)), null);
    }

    /** Raises CC's bad-response error unless the broker answered 2xx. */
    static void requireSuccess(BrokerEndpoint broker, String method, String path, BrokerReply reply) {
        if (reply.status() / 100 != 2) {
            throw badResponse(broker, method, path, reply);
        }
    }

    /** CC's wording: the broker's description when it gave one, else the status it answered. */
    static ApiError badResponse(BrokerEndpoint broker, String method, String path, BrokerReply reply) {
        String description = reply.description();
        return CcError.SERVICE_BROKER_BAD_RESPONSE.raise(description != null
                ? "Service broker error: " + description
                : "The service broker API returned an error from " + broker.url() + path.replaceFirst("\\?.*", "")
                        + ": " + reply.status());
    }

    private BrokerReply send(BrokerEndpoint broker, String method, String pathAndQuery, ObjectNode body) {
        URI target = addresses.resolve(URI.create(broker.url().replaceFirst("/+$", "") + pathAndQuery));
        String basic = Base64.getEncoder().encodeToString((broker.username() + ":" + broker.password())
                .getBytes(StandardCharsets.UTF_8));
        String identity = Base64.getEncoder().encodeToString("{\"user_id\":\"vigil-sim\"}".getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("X-Broker-API-Version", API_VERSION)
                .header("X-Broker-API-Originating-Identity", "cloudfoundry " + identity)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JsonWriter.write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BrokerReply(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw CcError.SERVICE_BROKER_UNREACHABLE.raise(broker.url());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CcError.SERVICE_BROKER_UNREACHABLE.raise(broker.url());
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : JsonWriter.object();
        } catch (IOException notJson) {
            return JsonWriter.object();
        }
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
