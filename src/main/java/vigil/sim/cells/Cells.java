package vigil.sim.cells;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cells of the embedded CF: they run app instances as real OS processes, as Diego does, spread
 * over cells in zones, health-checked, restarted after crashes, their output kept per app.
 * <pre>{@code
 * try (Cells cells = Cells.start(Cells.Options.defaults())) {
 *     cells.desire(new DesiredProcess(appGuid, appGuid, "web", jar, null, 2, 256, 1024, env, null, "v1"));
 *     cells.instances(appGuid);   // [STARTING, STARTING], then [RUNNING, RUNNING]
 * }                               // every instance process is gone
 * }</pre>
 * Thread-safe: the Cloud Controller calls it from its request threads.
 */
public final class Cells implements AppRuntime, AutoCloseable {

    /**
     * @param cells   how many cells (spread over zones z1, z2, z3, ...)
     * @param workDir where instances run, or {@code null} for a temporary directory deleted on close
     * @param clock   for timestamps and crash backoff ({@code null}: the system clock)
     */
    public record Options(int cells, Path workDir, Clock clock) {
        public Options {
            if (cells < 1) {
                throw new IllegalArgumentException("cells must be at least 1, was " + cells);
            }
        }

        /** Three cells, one per zone, in a temporary directory, on the system clock. */
        public static Options defaults() {
            return new Options(3, null, Clock.systemUTC());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Cells.class);
    /** How long an instance may take to stop after SIGTERM before it is killed, as Diego allows. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How long close() waits for killed processes to be reaped. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final List<Cell> cells;
    private final CellServices services;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Path temporaryWorkDir;
    private final Map<String, LongRunningProcess> processes = new ConcurrentHashMap<>();
    /** Tasks still running, by task GUID; their OS processes are in the services' set like instances'. */
    private final Map<String, TaskRun> tasks = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private Cells(Options options, Path workDir, Path temporaryWorkDir) {
        this.cells = IntStream.range(0, options.cells()).mapToObj(Cell::numbered).toList();
        this.temporaryWorkDir = temporaryWorkDir;
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = new ScheduledThreadPoolExecutor(Math.max(4, Runtime.getRuntime().availableProcessors()),
                task -> {
                    Thread thread = new Thread(task, "cells-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        scheduler.setRemoveOnCancelPolicy(true);
        this.services = new CellServices(scheduler, ProcessLauncher.usingCurrentJava(), new HealthChecker(),
                new AppLogBuffer(AppLogBuffer.DEFAULT_LINES_PER_APP),
                options.clock() == null ? Clock.systemUTC() : options.clock(), workDir, new Placement(cells),
                ConcurrentHashMap.newKeySet(), STOP_GRACE, System.getenv("PATH"));
        // If the JVM exits without close() (SIGTERM, Ctrl-C), the instances must not outlive it.
        this.shutdownHook = new Thread(this::close, "cells-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Cells start(Options options) {
        Objects.requireNonNull(options, "options");
        try {
            if (options.workDir() != null) {
                return new Cells(options, Files.createDirectories(options.workDir()), null);
            }
            Path temporary = Files.createTempDirectory("vigil-cells-");
            return new Cells(options, temporary, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cells' work directory: " + e.getMessage(), e);
        }
    }

    @Override
    public void desire(DesiredProcess process) {
        validate(process);
        synchronized (processes) {
            if (closed.get()) {
                throw new IllegalStateException("cells are closed");
            }
            processes.computeIfAbsent(process.processGuid(), guid -> new LongRunningProcess(services)).update(process);
        }
    }

    /** Rejects what could only fail later, on a scheduler thread, where nobody would see why. */
    private static void validate(DesiredProcess process) {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(process.processGuid(), "processGuid");
        Objects.requireNonNull(process.appGuid(), "appGuid");
        Objects.requireNonNull(process.processType(), "processType");
        if (process.droplet() == null && (process.command() == null || process.command().isBlank())) {
            throw new IllegalArgumentException("process " + process.processGuid() + " needs a droplet or a command");
        }
        HealthChecker.Settings.of(process.healthCheck());
        InstanceEnvironment.vcapApplication(process.environment().get("VCAP_APPLICATION"), 0, "", 0);
    }

    @Override
    public void remove(String processGuid) {
        LongRunningProcess removed;
        synchronized (processes) {
            removed = processes.remove(processGuid);
        }
        if (removed != null) {
            removed.stop();
        }
    }

    @Override
    public List<InstanceStatus> instances(String processGuid) {
        LongRunningProcess process = processes.get(processGuid);
        return process == null ? List.of() : process.statuses();
    }

    @Override
    public List<LogLine> recentLogs(String appGuid, int limit) {
        return services.logs().recent(appGuid, limit);
    }

    @Override
    public void appendLog(LogLine line) {
        services.logs().add(Objects.requireNonNull(line, "line"));
    }

    @Override
    public AutoCloseable subscribeLogs(Consumer<LogLine> listener) {
        return services.logs().subscribe(Objects.requireNonNull(listener, "listener"));
    }

    // tasks

    /**
     * Runs {@code sh -c command} with the droplet as {@code app.jar} in its working directory; its output goes
     * to the app's log as {@code APP/TASK/<name>}. Closing the cells stops running tasks like instances.
     */
    @Override
    public void runTask(DesiredTask task, Consumer<TaskCompletion> onCompletion) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(task.taskGuid(), "taskGuid");
        Objects.requireNonNull(task.appGuid(), "appGuid");
        Objects.requireNonNull(task.name(), "name");
        Objects.requireNonNull(onCompletion, "onCompletion");
        if (task.command() == null || task.command().isBlank()) {
            throw new IllegalArgumentException("task " + task.taskGuid() + " needs a command");
        }
        synchronized (processes) {
            if (closed.get()) {
                throw new IllegalStateException("cells are closed");
            }
            if (tasks.containsKey(task.taskGuid())) {
                throw new IllegalArgumentException("task " + task.taskGuid() + " is running already");
            }
            TaskRun run = new TaskRun(services, task, completion -> {
                tasks.remove(task.taskGuid());
                onCompletion.accept(completion);
            });
            tasks.put(task.taskGuid(), run);
            run.start();
        }
    }

    @Override
    public void cancelTask(String taskGuid) {
        TaskRun run = tasks.get(taskGuid);
        if (run != null) {
            run.cancel();
        }
    }

    // rolling deployments

    @Override
    public void rollOut(DesiredProcess process, Rollout rollout) {
        validate(process);
        Objects.requireNonNull(rollout, "rollout");
        synchronized (processes) {
            if (closed.get()) {
                throw new IllegalStateException("cells are closed");
            }
            processes.computeIfAbsent(process.processGuid(), guid -> new LongRunningProcess(services))
                    .rollOut(process, rollout);
        }
    }

    @Override
    public int instancesServing(String processGuid, String version) {
        LongRunningProcess process = processes.get(processGuid);
        return process == null ? 0 : process.serving(version);
    }

    /**
     * The running instance at an index of a process, for a shell in its container, as Diego's SSH proxy finds the
     * actual LRP to connect to; empty when the process is unknown or nothing is up at that index.
     */
    public Optional<InstanceAccess> access(String processGuid, int index) {
        LongRunningProcess process = processes.get(processGuid);
        return process == null ? Optional.empty() : process.access(index);
    }

    /** Every cell with its zone and how many instances it holds, in cell order. */
    public List<CellStatus> cells() {
        return cells.stream().map(Cell::status).toList();
    }

    /** One cell by name, as {@link #cells()} shows it. */
    public CellStatus cell(String name) {
        return find(name).status();
    }

    /**
     * Starts evacuating a cell, as Diego does when a cell is drained for a deploy: it takes no new
     * instances, and every instance on it is replaced by a new one (new GUID) on another cell, the old one
     * stopping only once the new one is healthy. Returns at once; the cell holds no instances once all moved.
     */
    public void evacuate(String name) {
        Cell cell = find(name);
        cell.state(CellState.DRAINING);
        LOG.info("cell {} draining: evacuating {} instances", name, cell.instances());
        running().forEach(process -> process.evacuate(cell));
    }

    /**
     * Takes a cell down at once, as when its VM dies: it takes no new instances and its instance processes
     * are killed (SIGKILL); their crash restarts place them on cells that are up. Returns at once.
     */
    public void takeDown(String name) {
        Cell cell = find(name);
        // Down first, so that no restart lands here again while its instances are being killed.
        cell.state(CellState.DOWN);
        LOG.info("cell {} down: killing {} instances", name, cell.instances());
        running().forEach(process -> process.kill(cell));
    }

    /** Brings a drained or downed cell back: it takes new instances again. */
    public void bringUp(String name) {
        find(name).state(CellState.UP);
        LOG.info("cell {} up", name);
    }

    /**
     * Instance indices, of every process, that are not RUNNING right now (starting, crashed, waiting for a
     * cell): zero once the platform has settled after a cell came back.
     */
    public int instancesNotRunning() {
        return (int) running().stream().flatMap(process -> process.statuses().stream())
                .filter(status -> status.state() != InstanceState.RUNNING).count();
    }

    private Cell find(String name) {
        return cells.stream().filter(cell -> cell.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell named '" + name + "'; the cells are "
                        + cells.stream().map(Cell::name).toList()));
    }

    private List<LongRunningProcess> running() {
        synchronized (processes) {
            return List.copyOf(processes.values());
        }
    }

    /** OS processes alive right now that instances and tasks started (their children included). */
    public int liveProcesses() {
        return services.processes().stream().mapToInt(InstanceProcess::liveCount).sum();
    }

    /** Stops every instance process and waits until they are gone; none is left behind. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // close() is running as the hook itself.
        }
        List<LongRunningProcess> stopping;
        synchronized (processes) {
            stopping = new ArrayList<>(processes.values());
            processes.clear();
        }
        stopping.forEach(LongRunningProcess::stop);
        if (!awaitExit(STOP_GRACE)) {
            services.processes().forEach(InstanceProcess::kill);
            if (!awaitExit(KILL_WAIT)) {
                LOG.warn("{} instance processes still alive after SIGKILL", liveProcesses());
            }
        }
        scheduler.shutdownNow();
        deleteTemporaryWorkDir();
    }

    private boolean awaitExit(Duration timeout) {
        List<InstanceProcess> remaining = new ArrayList<>(services.processes());
        // Anything started before stop() took the locks has been told to stop; a restart after is refused.
        remaining.forEach(process -> process.stop(STOP_GRACE, scheduler));
        try {
            CompletableFuture.allOf(remaining.stream().map(InstanceProcess::exit).toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return liveProcesses() == 0;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return liveProcesses() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void deleteTemporaryWorkDir() {
        WorkDirectories.deleteQuietly(temporaryWorkDir);
    }
}
