package vigil.sim.cells;

import java.util.List;
import java.util.function.Consumer;

/** What the Cloud Controller needs from the cells: run processes, report their instances, keep their output. */
public interface AppRuntime {

    /** Runs a process, or updates one already desired (scale, or replace every instance on a new version). */
    void desire(DesiredProcess process);

    /** Stops every instance of the process and forgets it. Unknown GUIDs are ignored. */
    void remove(String processGuid);

    /** Every desired index of the process, in index order (an index with no live instance shows DOWN or CRASHED). */
    List<InstanceStatus> instances(String processGuid);

    /** The most recent lines of an app's output, oldest first, at most {@code limit}. */
    List<LogLine> recentLogs(String appGuid, int limit);

    /** Adds a line to an app's log (staging output, CC's own audit lines). */
    void appendLog(LogLine line);

    // tasks and rolling deployments: default methods, so that a runtime without them still compiles

    /**
     * Runs a one-off task as a process of its own. {@code onCompletion} is called exactly once, on another
     * thread, when it has ended (also when it could not start, and when the cells close under it).
     */
    default void runTask(DesiredTask task, Consumer<TaskCompletion> onCompletion) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not run tasks");
    }

    /** Stops a running task and its process tree; it completes as failed, "task was cancelled". Unknown GUIDs are ignored. */
    default void cancelTask(String taskGuid) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not run tasks");
    }

    /**
     * Desires a new version of a process as a rolling deployment: indices already serving that version keep
     * their instance, the others are replaced {@code rollout.maxInFlight()} at a time. The default replaces
     * every index at once, each new instance still healthy before the old one stops.
     */
    default void rollOut(DesiredProcess process, Rollout rollout) {
        desire(process);
    }

    /** How many indices of the process are served by a running instance of that version and nothing else. */
    default int instancesServing(String processGuid, String version) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not report versions");
    }

    // log streaming and syslog drains (issue 13)

    /**
     * Hands every log line added from now on (app output, staging, cell and CC lines) to the listener, on the
     * thread that adds it, so the listener must return at once; closing the handle stops it.
     */
    default AutoCloseable subscribeLogs(java.util.function.Consumer<LogLine> listener) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not stream logs");
    }
}
