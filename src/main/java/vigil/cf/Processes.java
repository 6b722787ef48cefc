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

    /** Every instance of the process, as CC's stats report them (no pagination). */
    public List<InstanceStats> stats(String processGuid) {
        return cf.resources("/v3/processes/" + processGuid + "/stats", InstanceStats.class);
    }
}
