package vigil.sim.cells;

import java.util.List;

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
}
