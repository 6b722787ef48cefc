package vigil.cf;

import java.util.Map;
import org.awaitility.Awaitility;

/** {@code /v3/tasks}: one-off commands run in an app's droplet. */
public final class Tasks {
    private final CfClient cf;

    Tasks(CfClient cf) {
        this.cf = cf;
    }

    public Task run(String appGuid, String command) {
        return cf.post("/v3/apps/" + appGuid + "/tasks", Map.of("command", command), Task.class);
    }

    public Task get(String guid) {
        return cf.get("/v3/tasks/" + guid, Task.class);
    }

    public Task cancel(String guid) {
        return cf.post("/v3/tasks/" + guid + "/actions/cancel", null, Task.class);
    }

    /** Awaits the task SUCCEEDED or FAILED. */
    public Task awaitFinished(String guid) {
        return Awaitility.await("task " + guid + " to finish (SUCCEEDED or FAILED)")
                .pollInSameThread().pollInterval(cf.timeouts().poll()).atMost(cf.timeouts().start())
                .until(() -> get(guid), Task::finished);
    }

    /** Awaits the task in the given state, e.g. RUNNING. */
    public Task awaitState(String guid, String state) {
        return Awaitility.await("task " + guid + " to be " + state)
                .pollInSameThread().pollInterval(cf.timeouts().poll()).atMost(cf.timeouts().start())
                .until(() -> get(guid), task -> task.state().equals(state));
    }
}
