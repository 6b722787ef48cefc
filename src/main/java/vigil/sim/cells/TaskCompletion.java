package vigil.sim.cells;

/**
 * How a task ended, as Diego reports it to CC's task completion callback.
 *
 * @param failureReason why it failed ("Exited with status 3", "task was cancelled"), or {@code null}
 */
public record TaskCompletion(String taskGuid, boolean failed, String failureReason) {

    /** Diego's reason for a task whose cancel was requested. */
    public static final String CANCELLED = "task was cancelled";

    static TaskCompletion ofExit(String taskGuid, int status) {
        return status == 0 ? new TaskCompletion(taskGuid, false, null)
                : new TaskCompletion(taskGuid, true, "Exited with status " + status);
    }
}
