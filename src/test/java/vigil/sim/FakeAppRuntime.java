package vigil.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.DesiredProcess;
import vigil.sim.cells.DesiredTask;
import vigil.sim.cells.InstanceState;
import vigil.sim.cells.InstanceStatus;
import vigil.sim.cells.LogLine;
import vigil.sim.cells.Rollout;
import vigil.sim.cells.TaskCompletion;

/** Cells for Cloud Controller tests: records what CC desires and reports every desired instance RUNNING. */
final class FakeAppRuntime implements AppRuntime {

    final List<DesiredProcess> desires = new CopyOnWriteArrayList<>();
    final List<String> removals = new CopyOnWriteArrayList<>();
    final List<LogLine> logs = new CopyOnWriteArrayList<>();
    private final Map<String, DesiredProcess> current = new ConcurrentHashMap<>();

    @Override
    public void desire(DesiredProcess process) {
        desires.add(process);
        current.put(process.processGuid(), process);
    }

    @Override
    public void remove(String processGuid) {
        removals.add(processGuid);
        current.remove(processGuid);
    }

    @Override
    public List<InstanceStatus> instances(String processGuid) {
        DesiredProcess process = current.get(processGuid);
        if (process == null) {
            return List.of();
        }
        return IntStream.range(0, process.instances())
                .mapToObj(index -> new InstanceStatus(index, process.version() + "-" + index, InstanceState.RUNNING,
                        "127.0.0.1", 61000 + index, Instant.now().minusSeconds(5), "cell-1", "z1", true, null,
                        4242, 64L << 20, 0.01))
                .toList();
    }

    @Override
    public List<LogLine> recentLogs(String appGuid, int limit) {
        List<LogLine> lines = new ArrayList<>(logs.stream().filter(line -> line.appGuid().equals(appGuid)).toList());
        return lines.subList(Math.max(0, lines.size() - limit), lines.size());
    }

    @Override
    public void appendLog(LogLine line) {
        logs.add(line);
    }

    // tasks and rolling deployments

    final List<DesiredTask> tasks = new CopyOnWriteArrayList<>();
    final List<Rollout> rollouts = new CopyOnWriteArrayList<>();
    private final Map<String, Consumer<TaskCompletion>> runningTasks = new ConcurrentHashMap<>();

    /** Tasks run until {@link #finishTask} or a cancel, which completes them at once as Diego reports it. */
    @Override
    public void runTask(DesiredTask task, Consumer<TaskCompletion> onCompletion) {
        tasks.add(task);
        runningTasks.put(task.taskGuid(), onCompletion);
    }

    @Override
    public void cancelTask(String taskGuid) {
        Consumer<TaskCompletion> completion = runningTasks.remove(taskGuid);
        if (completion != null) {
            completion.accept(new TaskCompletion(taskGuid, true, TaskCompletion.CANCELLED));
        }
    }

    void finishTask(String taskGuid, int exitStatus) {
        Consumer<TaskCompletion> completion = runningTasks.remove(taskGuid);
        if (completion != null) {
            completion.accept(exitStatus == 0 ? new TaskCompletion(taskGuid, false, null)
                    : new TaskCompletion(taskGuid, true, "Exited with status " + exitStatus));
        }
    }

    /** A rollout is a desire that is done at once: every instance runs the new version. */
    @Override
    public void rollOut(DesiredProcess process, Rollout rollout) {
        rollouts.add(rollout);
        desire(process);
    }

    /** While set, no instance counts as running a rolled-out version, so deployments stay active. */
    volatile boolean holdRollouts;

    @Override
    public int instancesServing(String processGuid, String version) {
        if (holdRollouts) {
            return 0;
        }
        DesiredProcess process = current.get(processGuid);
        return process != null && process.version().equals(version) ? process.instances() : 0;
    }

    DesiredProcess lastDesire() {
        return desires.get(desires.size() - 1);
    }
}
