package vigil.sim.cells;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a task (Diego: a task's container): {@code sh -c command} in a directory of its own with the
 * droplet as {@code app.jar}, the task's environment, its output in the app's log as
 * {@code APP/TASK/<name>}, and its end reported exactly once. Cancelling stops the whole process tree.
 */
final class TaskRun {

    /** How long the end of a task waits for the last output lines, which a forked child may hold open. */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(TaskRun.class);

    private final CellServices services;
    private final DesiredTask task;
    private final Consumer<TaskCompletion> onCompletion;
    private final String sourceType;
    private final AtomicBoolean completed = new AtomicBoolean();
    private boolean cancelled;
    private InstanceProcess process;
    private Path directory;

    TaskRun(CellServices services, DesiredTask task, Consumer<TaskCompletion> onCompletion) {
        this.services = services;
        this.task = task;
        this.onCompletion = onCompletion;
        this.sourceType = "APP/TASK/" + task.name();
    }

    /** Launches the process; a launch failure completes the task as failed, on a scheduler thread. */
    synchronized void start() {
        try {
            directory = Files.createDirectories(services.workDir().resolve("tasks").resolve(task.taskGuid()));
            Path tmp = Files.createDirectories(directory.resolve("tmp"));
            if (task.droplet() != null) {
                Files.copy(task.droplet(), directory.resolve("app.jar"));
            }
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", task.command()).directory(directory.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment(directory, tmp));
            process = InstanceProcess.start(builder, "task " + task.name(), this::output);
        } catch (IOException | RuntimeException e) {
            LOG.warn("task {} of app {} failed to start", task.name(), task.appGuid(), e);
            deleteDirectory();
            String reason = "Failed to create container: " + e.getMessage();
            executeOrRun(() -> complete(new TaskCompletion(task.taskGuid(), true, reason)));
            return;
        }
        services.processes().add(process);
        // Last: a process that is already gone runs this at once.
        process.exit().whenComplete((status, error) -> exited(status == null ? -1 : status));
    }

    /** Stops the task's process tree (SIGTERM, SIGKILL after the grace); it then completes as cancelled. */
    synchronized void cancel() {
        cancelled = true;
        if (process != null && process.isAlive()) {
            process.stop(services.stopGrace(), services.scheduler());
        }
    }

    /**
     * What a task container gets: the task's environment plus the container's own variables. The JVM the
     * cells run on comes first in {@code PATH}, so that {@code java -jar app.jar} needs no other Java.
     */
    private Map<String, String> environment(Path home, Path tmp) {
        String path = services.path() == null || services.path().isBlank() ? InstanceEnvironment.DEFAULT_PATH
                : services.path();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + path);
        env.putAll(task.environment());
        env.putIfAbsent("MEMORY_LIMIT", Math.max(task.memoryMb(), 1) + "m");
        env.put("CF_INSTANCE_IP", "127.0.0.1");
        env.put("HOME", home.toString());
        env.put("TMPDIR", tmp.toString());
        return env;
    }

    private void output(boolean stderr, String text) {
        services.logs().add(new LogLine(services.clock().instant(), task.appGuid(), sourceType, "0", stderr, text));
    }

    private void exited(int status) {
        services.processes().remove(process);
        process.outputEnded().completeOnTimeout(null, OUTPUT_DRAIN.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, error) -> {
                    output(false, "Exit status " + status);
                    deleteDirectory();
                    boolean wasCancelled;
                    synchronized (this) {
                        wasCancelled = cancelled;
                    }
                    complete(wasCancelled ? new TaskCompletion(task.taskGuid(), true, TaskCompletion.CANCELLED)
                            : TaskCompletion.ofExit(task.taskGuid(), status));
                });
    }

    private void complete(TaskCompletion completion) {
        if (!completed.compareAndSet(false, true)) {
            return;
        }
        try {
            onCompletion.accept(completion);
        } catch (RuntimeException e) {
            // The callback is CC's; a failure there must not stop the cells' own bookkeeping.
            LOG.warn("completion callback of task {} failed", task.taskGuid(), e);
        }
    }

    private void executeOrRun(Runnable action) {
        try {
            services.scheduler().execute(action);
        } catch (RejectedExecutionException closing) {
            action.run();
        }
    }

    private void deleteDirectory() {
        WorkDirectories.deleteQuietly(directory);
    }
}
