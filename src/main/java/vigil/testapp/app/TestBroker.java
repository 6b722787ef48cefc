package vigil.testapp.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test app as an Open Service Broker API 2.15 broker (role {@code broker}), like CATS's broker app, so that
 * scenarios can register it with any CF, space-scoped. It keeps its instances and bindings in memory and is
 * strict where the API is, so a platform that does not follow it fails: basic auth, {@code X-Broker-API-Version}
 * 2.13 or later, {@code service_id} and {@code plan_id} on every unbind, deprovision and last_operation, the
 * {@code operation} it gave on polls, no deprovision while bindings remain. Its catalog, ids prefixed by
 * {@code VIGIL_BROKER_ID}:
 * <ul>
 *   <li>{@code <id>-db}: bindable, shareable, {@code bindings_retrievable}; plans {@code async} (provisioning
 *       takes {@link #ASYNC_MILLIS} and is answered 202), {@code sync} (201) and {@code failing} (500 with a
 *       description);</li>
 *   <li>{@code <id>-route}: {@code requires: ["route_forwarding"]}; a route binding answers
 *       {@code VIGIL_BROKER_ROUTE_SERVICE_URL}.</li>
 * </ul>
 */
final class TestBroker implements HttpHandler {

    static final long ASYNC_MILLIS = 1500;
    static final String FAILING_DESCRIPTION = "vigil test broker refuses to provision plan 'failing'";

    private record Instance(String serviceId, String planId, String operation, long readyAt) {
    }

    private record Binding(String instanceId, String credentials) {
    }

    private final String username;
    private final String password;
    private final String id;
    private final String routeServiceUrl;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final AtomicInteger operations = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    TestBroker(Map<String, String> env) {
        this.username = require(env, "VIGIL_BROKER_USERNAME");
        this.password = require(env, "VIGIL_BROKER_PASSWORD");
        this.id = require(env, "VIGIL_BROKER_ID");
        this.routeServiceUrl = env.get("VIGIL_BROKER_ROUTE_SERVICE_URL");
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the broker role needs " + name);
        }
        return value;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] answer = answer(exchange);
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Status and JSON body for one request. */
    private String[] answer(HttpExchange exchange) throws IOException {
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return reply(401, error("Unauthorized", "basic auth with the broker's credentials is required"));
        }
        String version = exchange.getRequestHeaders().getFirst("X-Broker-API-Version");
        if (!supported(version)) {
            return reply(412, error("PreconditionFailed", "X-Broker-API-Version 2.13 or later is required, got " + version));
        }
        String method = exchange.getRequestMethod();
        String[] path = exchange.getRequestURI().getPath().replaceFirst("^/+", "").split("/");
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.length == 2 && path[1].equals("catalog") && method.equals("GET")) {
            return reply(200, catalog());
        }
        if (path.length < 3 || !path[1].equals("service_instances")) {
            return reply(404, error("NotFound", "no such broker endpoint"));
        }
        String instanceId = path[2];
        if (path.length == 3) {
            return switch (method) {
                case "PUT" -> provision(instanceId, body, query);
                case "DELETE" -> deprovision(instanceId, query);
                default -> reply(405, error("MethodNotAllowed", method));
            };
        }
        if (path.length == 4 && path[3].equals("last_operation") && method.equals("GET")) {
            return lastOperation(instanceId, query);
        }
        if (path.length == 5 && path[3].equals("service_bindings")) {
            return switch (method) {
                case "PUT" -> bind(instanceId, path[4], body);
                case "GET" -> fetchBinding(instanceId, path[4]);
                case "DELETE" -> unbind(instanceId, path[4], query);
                default -> reply(405, error("MethodNotAllowed", method));
            };
        }
        return reply(404, error("NotFound", "no such broker endpoint"));
    }

    private String catalog() {
        String plans = plan("async", "provisioned asynchronously") + "," + plan("sync", "provisioned at once") + ","
                + plan("failing", "provisioning fails with 500");
        String db = "{\"id\":" + JsonText.quote(id + "-db") + ",\"name\":" + JsonText.quote(id + "-db")
                + ",\"description\":\"Vigil's test service\",\"bindable\":true,\"bindings_retrievable\":true,"
                + "\"tags\":[\"vigil\"],\"metadata\":{\"shareable\":true},\"plans\":[" + plans + "]}";
        String route = "{\"id\":" + JsonText.quote(id + "-route") + ",\"name\":" + JsonText.quote(id + "-route")
                + ",\"description\":\"Vigil's test route service\",\"bindable\":true,\"requires\":[\"route_forwarding\"],"
                + "\"plans\":[" + plan("route", "routes through the route service") + "]}";
        return "{\"services\":[" + db + "," + route + "]}";
    }

    private String plan(String name, String description) {
        return "{\"id\":" + JsonText.quote(id + "-" + name) + ",\"name\":" + JsonText.quote(name)
                + ",\"description\":" + JsonText.quote(description) + ",\"free\":true}";
    }

    private String[] provision(String instanceId, String body, Map<String, String> query) {
        String serviceId = JsonText.stringMember(body, "service_id");
        String planId = JsonText.stringMember(body, "plan_id");
        if (!known(serviceId, planId)) {
            return reply(400, error("BadRequest", "unknown service_id or plan_id"));
        }
        if (planId.equals(id + "-failing")) {
            return reply(500, "{\"description\":" + JsonText.quote(FAILING_DESCRIPTION + " (instance " + instanceId + ")") + "}");
        }
        boolean async = planId.equals(id + "-async");
        if (async && !"true".equals(query.get("accepts_incomplete"))) {
            return reply(422, error("AsyncRequired", "this plan is provisioned asynchronously"));
        }
        String operation = async ? "provision-" + operations.incrementAndGet() : null;
        Instance instance = new Instance(serviceId, planId, operation, System.currentTimeMillis() + (async ? ASYNC_MILLIS : 0));
        Instance existing = instances.putIfAbsent(instanceId, instance);
        if (existing != null) {
            return reply(409, error("Conflict", "instance " + instanceId + " exists"));
        }
        return async ? reply(202, "{\"operation\":" + JsonText.quote(operation) + "}") : reply(201, "{}");
    }

    private String[] lastOperation(String instanceId, Map<String, String> query) {
        Instance instance = instances.get(instanceId);
        if (instance == null) {
            return reply(410, "{}");
        }
        String[] idsMissing = requireIds(instance, query);
        if (idsMissing != null) {
            return idsMissing;
        }
        if (instance.operation() != null && !instance.operation().equals(query.get("operation"))) {
            return reply(400, error("BadRequest", "operation " + query.get("operation") + " is not " + instance.operation()));
        }
        boolean done = System.currentTimeMillis() >= instance.readyAt();
        return reply(200, "{\"state\":" + JsonText.quote(done ? "succeeded" : "in progress")
                + ",\"description\":" + JsonText.quote(done ? "provisioned" : "provisioning") + "}");
    }

    private String[] deprovision(String instanceId, Map<String, String> query) {
        Instance instance = instances.get(instanceId);
        if (instance == null) {
            return reply(410, "{}");
        }
        String[] idsMissing = requireIds(instance, query);
        if (idsMissing != null) {
            return idsMissing;
        }
        if (bindings.values().stream().anyMatch(binding -> binding.instanceId().equals(instanceId))) {
            return reply(400, error("BadRequest", "instance " + instanceId + " still has bindings; unbind them first"));
        }
        instances.remove(instanceId);
        return reply(200, "{}");
    }

    private String[] bind(String instanceId, String bindingId, String body) {
        Instance instance = instances.get(instanceId);
        if (instance == null || System.currentTimeMillis() < instance.readyAt()) {
            return reply(422, error("ConcurrencyError", "instance " + instanceId + " is not provisioned"));
        }
        if (!instance.serviceId().equals(JsonText.stringMember(body, "service_id"))
                || !instance.planId().equals(JsonText.stringMember(body, "plan_id"))) {
            return reply(400, error("BadRequest", "service_id and plan_id must be the instance's"));
        }
        String answer;
        if (instance.serviceId().equals(id + "-route")) {
            if (routeServiceUrl == null) {
                return reply(422, error("RequiresApp", "this broker was started without VIGIL_BROKER_ROUTE_SERVICE_URL"));
            }
            answer = "{\"route_service_url\":" + JsonText.quote(routeServiceUrl) + "}";
        } else {
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            Map<String, String> credentials = new LinkedHashMap<>();
            credentials.put("uri", "vigil-db://" + instanceId + "/" + bindingId);
            credentials.put("username", "u-" + shortHash(bindingId));
            credentials.put("password", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            answer = "{\"credentials\":" + JsonText.object(credentials) + "}";
        }
        if (bindings.putIfAbsent(bindingId, new Binding(instanceId, answer)) != null) {
            return reply(409, error("Conflict", "binding " + bindingId + " exists"));
        }
        return reply(201, answer);
    }

    private String[] fetchBinding(String instanceId, String bindingId) {
        Binding binding = bindings.get(bindingId);
        return binding == null || !binding.instanceId().equals(instanceId)
                ? reply(404, error("NotFound", "no binding " + bindingId)) : reply(200, binding.credentials());
    }

    private String[] unbind(String instanceId, String bindingId, Map<String, String> query) {
        Binding binding = bindings.get(bindingId);
        if (binding == null || !binding.instanceId().equals(instanceId)) {
            return reply(410, "{}");
        }
        String[] idsMissing = requireIds(instances.get(instanceId), query);
        if (idsMissing != null) {
            return idsMissing;
        }
        bindings.remove(bindingId);
        return reply(200, "{}");
    }

    /** OSBAPI requires {@code service_id} and {@code plan_id} on these requests; the broker insists. */
    private String[] requireIds(Instance instance, Map<String, String> query) {
        if (instance == null) {
            return null;
        }
        if (!instance.serviceId().equals(query.get("service_id")) || !instance.planId().equals(query.get("plan_id"))) {
            return reply(400, error("BadRequest", "service_id and plan_id query parameters must name the instance's"
                    + " service and plan, got service_id=" + query.get("service_id") + " plan_id=" + query.get("plan_id")));
        }
        return null;
    }

    private boolean known(String serviceId, String planId) {
        if (serviceId == null || planId == null) {
            return false;
        }
        return (serviceId.equals(id + "-db") && (planId.equals(id + "-async") || planId.equals(id + "-sync")
                || planId.equals(id + "-failing"))) || (serviceId.equals(id + "-route") && planId.equals(id + "-route"));
    }

    private boolean authorized(String header) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean supported(String version) {
        if (version == null || !version.matches("2\\.\\d+")) {
            return false;
        }
        return Integer.parseInt(version.substring(2)) >= 13;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String shortHash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String error(String error, String description) {
        return "{\"error\":" + JsonText.quote(error) + ",\"description\":" + JsonText.quote(description) + "}";
    }

    private static String[] reply(int status, String body) {
        return new String[] {Integer.toString(status), body};
    }
}
