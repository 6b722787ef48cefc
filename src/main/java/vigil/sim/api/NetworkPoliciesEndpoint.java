package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * The policy server's external API as cf-networking-release documents it (v1): {@code GET}, {@code POST}
 * {@code /networking/v1/external/policies} and {@code POST .../policies/delete}, served on the API's host as
 * real CF serves it there. Errors are the policy server's {@code {"error": "..."}} with 400; policies of a
 * deleted app go with it (the policy server's cleanup does that in real CF). Admins may write any policy, others
 * only between apps of spaces they are a developer in (the sim has no {@code network.write} scope to check);
 * every caller lists every policy.
 */
final class NetworkPoliciesEndpoint {

    static final String PATH = "/networking/v1/external/policies";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CcRepositories store;
    private final NetworkPolicies policies;

    NetworkPoliciesEndpoint(CcRepositories store, NetworkPolicies policies) {
        this.store = store;
        this.policies = policies;
    }

    Response list(Request request, SecurityContext security) {
        security.requireCaller();
        Set<String> ids = ids(request.query().get("id"));
        Set<String> sources = ids(request.query().get("source_id"));
        Set<String> destinations = ids(request.query().get("dest_id"));
        ArrayNode listed = JsonWriter.object().arrayNode();
        for (NetworkPolicy policy : policies.all()) {
            if ((ids.isEmpty() || ids.contains(policy.source()) || ids.contains(policy.destination()))
                    && (sources.isEmpty() || sources.contains(policy.source()))
                    && (destinations.isEmpty() || destinations.contains(policy.destination()))) {
                listed.add(present(policy));
            }
        }
        ObjectNode body = JsonWriter.object();
        body.put("total_policies", listed.size());
        body.set("policies", listed);
        return Response.json(200, "application/json", body);
    }

    Response create(Request request, SecurityContext security) {
        Caller caller = security.requireWriter();
        try {
            policies.addAll(parse(request, "policies-create", caller));
        } catch (PolicyError e) {
            return e.response();
        }
        return Response.json(200, "application/json", JsonWriter.object());
    }

    Response delete(Request request, SecurityContext security) {
        Caller caller = security.requireWriter();
        try {
            policies.removeAll(parse(request, "delete-policies", caller));
        } catch (PolicyError e) {
            return e.response();
        }
        return Response.json(200, "application/json", JsonWriter.object());
    }

    /** The policy server's own error shape, not CC's: {@code {"error": "operation: what is wrong"}}. */
    private static final class PolicyError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private PolicyError(String message) {
            super(message, null, false, false);
        }

        static PolicyError of(String message) {
            return new PolicyError(message);
        }

        Response response() {
            return Response.json(400, "application/json", JsonWriter.object().put("error", getMessage()));
        }
    }

    /** The policies of a request; a caller who is not an admin must be a space developer of every app named. */
    private List<NetworkPolicy> parse(Request request, String operation, Caller caller) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            throw PolicyError.of(operation + ": invalid request body format passed to API should be JSON");
        }
        JsonNode array = body == null ? null : body.get("policies");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw PolicyError.of(operation + ": missing policies");
        }
        List<NetworkPolicy> parsed = new ArrayList<>();
        for (JsonNode item : array) {
            String source = item.path("source").path("id").asText("");
            JsonNode destination = item.path("destination");
            String target = destination.path("id").asText("");
            String protocol = destination.path("protocol").asText("");
            int start = destination.path("ports").path("start").asInt(destination.path("port").asInt(0));
            int end = destination.path("ports").path("end").asInt(destination.path("port").asInt(0));
            if (source.isEmpty() || target.isEmpty()) {
                throw PolicyError.of(operation + ": missing id");
            }
            if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                throw PolicyError.of(operation + ": invalid destination protocol, specify either udp or tcp");
            }
            if (start < 1 || end > 65535 || start > end) {
                throw PolicyError.of(operation + ": invalid port range " + start + "-" + end);
            }
            for (String app : List.of(source, target)) {
                if (!store.apps.contains(app) || !caller.isAdmin() && !developerOf(caller, app)) {
                    throw PolicyError.of(operation + ": one or more applications cannot be found or accessed");
                }
            }
            parsed.add(new NetworkPolicy(source, target, protocol, start, end));
        }
        return parsed;
    }

    private boolean developerOf(Caller caller, String appGuid) {
        String space = store.app(appGuid).spaceGuid();
        return Access.of(caller.guid(), store)
                .isSpaceDeveloper(ResourceScope.space(store.organizationGuidOfSpace(space), space));
    }

    private static ObjectNode present(NetworkPolicy policy) {
        ObjectNode node = JsonWriter.object();
        node.putObject("source").put("id", policy.source());
        ObjectNode destination = node.putObject("destination");
        destination.put("id", policy.destination());
        destination.put("protocol", policy.protocol());
        destination.putObject("ports").put("start", policy.startPort()).put("end", policy.endPort());
        return node;
    }

    private static Set<String> ids(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(commaSeparated.split(",")));
    }
}
