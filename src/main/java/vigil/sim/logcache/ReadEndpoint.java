package vigil.sim.logcache;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.LogLine;
import vigil.sim.http.Handler;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * log-cache's read API: envelopes of type LOG, newest last (or first with {@code descending=true}),
 * {@code limit} 1..1000 (default 100), {@code start_time}/{@code end_time} in nanoseconds.
 */
final class ReadEndpoint implements Handler {
    private static final String PREFIX = "/api/v1/read/";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AppRuntime runtime;
    private final Predicate<Optional<String>> authorized;

    ReadEndpoint(AppRuntime runtime, Predicate<Optional<String>> authorized) {
        this.runtime = runtime;
        this.authorized = authorized;
    }

    @Override
    public Response handle(Request request) {
        if (!request.method().equals("GET") || !request.path().startsWith(PREFIX)
                || request.path().length() == PREFIX.length()) {
            return error(404, "not found");
        }
        if (!authorized.test(request.header("Authorization"))) {
            return error(401, "Unauthorized");
        }
        Map<String, String> query = request.query();
        int limit;
        long start;
        long end;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", Integer.toString(DEFAULT_LIMIT)));
            start = Long.parseLong(query.getOrDefault("start_time", "0"));
            end = Long.parseLong(query.getOrDefault("end_time", Long.toString(Long.MAX_VALUE)));
        } catch (NumberFormatException e) {
            return error(400, "limit, start_time and end_time must be integers");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return error(400, "limit must be between 1 and " + MAX_LIMIT);
        }
        String sourceId = request.path().substring(PREFIX.length());
        List<Map<String, Object>> batch = new ArrayList<>();
        for (LogLine line : runtime.recentLogs(sourceId, MAX_LIMIT)) {
            long nanos = nanos(line.timestamp());
            if (nanos >= start && nanos < end) {
                batch.add(envelope(sourceId, line, nanos));
            }
        }
        boolean descending = Boolean.parseBoolean(query.getOrDefault("descending", "false"));
        List<Map<String, Object>> selected = descending
                ? reversed(batch).subList(0, Math.min(limit, batch.size()))
                : batch.subList(Math.max(0, batch.size() - limit), batch.size());
        return Response.json(200, "application/json", Map.of("envelopes", Map.of("batch", selected)));
    }

    static Map<String, Object> envelope(String sourceId, LogLine line, long nanos) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("timestamp", Long.toString(nanos));
        envelope.put("source_id", sourceId);
        envelope.put("instance_id", line.instanceId());
        envelope.put("deprecated_tags", Map.of());
        envelope.put("tags", Map.of("source_type", line.sourceType()));
        envelope.put("log", Map.of(
                "payload", Base64.getEncoder().encodeToString(line.text().getBytes(StandardCharsets.UTF_8)),
                "type", line.stderr() ? "ERR" : "OUT"));
        return envelope;
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static Response error(int status, String message) {
        return Response.json(status, "application/json", Map.of("error", message));
    }
}
