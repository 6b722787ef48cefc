package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A process's {@code readiness_health_check} in requests and answers, as CC validates and presents it: type
 * {@code process} (default), {@code port} or {@code http} (with {@code data.endpoint}), and
 * {@code data.invocation_timeout} and {@code data.interval} in seconds.
 */
final class ReadinessChecks {

    private static final Set<String> TYPES = Set.of("process", "port", "http");

    private ReadinessChecks() {
    }

    /** The check after the request's {@code readiness_health_check}; the same object when nothing changed. */
    static ReadinessCheck updated(RequestMessage message, ReadinessCheck current, Instant now) {
        JsonNode check = message.body().get("readiness_health_check");
        if (check == null || check.isNull()) {
            return current;
        }
        message.rejectUnknown(check, "type", "data");
        String type = check.path("type").asText(current.type());
        if (!TYPES.contains(type)) {
            message.problem("Readiness health check type must be \"port\", \"process\", or \"http\"");
        }
        JsonNode data = check.path("data");
        message.rejectUnknown(data, "invocation_timeout", "interval", "endpoint");
        Integer invocation = ProcessesEndpoint.seconds(message, data, "invocation_timeout",
                "Readiness health check invocation timeout", current.invocationTimeout());
        Integer interval = ProcessesEndpoint.seconds(message, data, "interval", "Readiness health check interval",
                current.interval());
        String endpoint = data.has("endpoint") ? data.get("endpoint").asText(null) : current.endpoint();
        if (endpoint != null && !endpoint.startsWith("/")) {
            message.problem("Readiness health check endpoint must be a valid URI path");
        }
        ReadinessCheck next = new ReadinessCheck(current.guid(), type, "http".equals(type) ? endpoint : null, invocation,
                interval, current.createdAt(), now);
        boolean same = Objects.equals(next.type(), current.type()) && Objects.equals(next.endpoint(), current.endpoint())
                && Objects.equals(next.invocationTimeout(), current.invocationTimeout())
                && Objects.equals(next.interval(), current.interval());
        return same ? current : next;
    }

    static void present(ObjectNode node, ReadinessCheck check) {
        node.put("type", check.type());
        ObjectNode data = node.putObject("data");
        data.put("invocation_timeout", check.invocationTimeout());
        data.put("interval", check.interval());
        if ("http".equals(check.type())) {
            data.put("endpoint", check.endpoint());
        }
    }
}
