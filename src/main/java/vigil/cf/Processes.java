package vigil.cf;

import java.util.List;
import java.util.Map;

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

    /** Every instance of the process, as CC's stats report them (no pagination). */
    public List<InstanceStats> stats(String processGuid) {
        return cf.resources("/v3/processes/" + processGuid + "/stats", InstanceStats.class);
    }
}
