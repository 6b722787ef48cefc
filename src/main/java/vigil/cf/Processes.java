package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** {@code /v3/processes}: scale and instance stats. */
public final class Processes {
    private final CfClient cf;

    Processes(CfClient cf) {
        this.cf = cf;
    }

    /** The app's web process. */
    public AppProcess web(String appGuid) {
        return cf.get("/v3/apps/" + appGuid + "/processes/web", AppProcess.class);
    }

    /** The app's process of a type, e.g. {@code worker}. */
    public AppProcess ofType(String appGuid, String type) {
        return cf.get("/v3/apps/" + appGuid + "/processes/" + type, AppProcess.class);
    }

    /** Every process of the app. */
    public List<AppProcess> of(String appGuid) {
        return cf.list("/v3/apps/" + appGuid + "/processes", AppProcess.class);
    }

    /**
     * Sets the readiness check ({@code readiness_health_check}): {@code http} on an endpoint, {@code port} or
     * {@code process}, run every {@code intervalSeconds}; takes effect for instances started afterwards.
     */
    public AppProcess readinessCheck(String processGuid, String type, String endpoint, int intervalSeconds) {
        Map<String, Object> data = endpoint == null ? Map.of("interval", intervalSeconds)
                : Map.of("endpoint", endpoint, "interval", intervalSeconds);
        return cf.patch("/v3/processes/" + processGuid,
                Map.of("readiness_health_check", Map.of("type", type, "data", data)), AppProcess.class);
    }

    /**
     * An http health check on the endpoint, each request given {@code invocationTimeoutSeconds}, a starting instance
     * given {@code timeoutSeconds} to pass it; takes effect for instances started afterwards.
     */
    public AppProcess httpHealthCheck(String processGuid, String endpoint, int timeoutSeconds,
                                      int invocationTimeoutSeconds) {
        return cf.patch("/v3/processes/" + processGuid, Map.of("health_check", Map.of("type", "http", "data",
                Map.of("endpoint", endpoint, "timeout", timeoutSeconds, "invocation_timeout",
                        invocationTimeoutSeconds))), AppProcess.class);
    }

    public AppProcess scale(String processGuid, int instances) {
        return cf.post("/v3/processes/" + processGuid + "/actions/scale", Map.of("instances", instances),
                AppProcess.class);
    }

    /**
     * Sets the health check: {@code port}, {@code process}, or {@code http} with an endpoint such as
     * {@code /health}, checked every {@code intervalSeconds}. It takes effect for instances started afterwards
     * (restart the app).
     */
    public AppProcess healthCheck(String processGuid, String type, String endpoint, int intervalSeconds) {
        Map<String, Object> data = endpoint == null ? Map.of("interval", intervalSeconds)
                : Map.of("endpoint", endpoint, "interval", intervalSeconds);
        return cf.patch("/v3/processes/" + processGuid, Map.of("health_check", Map.of("type", type, "data", data)),
                AppProcess.class);
    }

    /**
     * Awaits every instance of the app's web process RUNNING (at least one), within {@code bound}; the
     * timeout message names the app and the states last seen.
     */
    public List<InstanceStats> awaitAllRunning(String appGuid, String appName, Duration bound) {
        return Awaitility.await("every instance of " + appName + " RUNNING")
                .pollInSameThread().pollInterval(cf.timeouts().poll()).atMost(bound)
                .until(() -> stats(appGuid), all -> !all.isEmpty() && all.stream().allMatch(s -> s.state().equals("RUNNING")));
    }

    /** Every instance of the process, as CC's stats report them (no pagination). */
    public List<InstanceStats> stats(String processGuid) {
        return cf.resources("/v3/processes/" + processGuid + "/stats", InstanceStats.class);
    }

    /**
     * Where each instance of the process takes TCP connections from other hosts of the CF: the cell's {@code host}
     * and the {@code external} port that maps to the app's port, as {@code host:port} in index order.
     */
    public List<String> externalAddresses(String processGuid) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode instance : cf.getJson("/v3/processes/" + processGuid + "/stats")
                .path("resources")) {
            JsonNode port = instance.path("instance_ports").path(0);
            if (instance.path("state").asText().equals("RUNNING") && port.path("external").asInt(0) > 0) {
                addresses.add(instance.path("host").asText() + ":" + port.path("external").asInt());
            }
        }
        return addresses;
    }
}
