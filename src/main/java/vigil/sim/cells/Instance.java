package vigil.sim.cells;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one instance index (Diego: one container): a GUID of its own, a cell, a port, an OS process,
 * and its way from STARTING through RUNNING to CRASHED or stopped. A crashed index is restarted as a new
 * Instance with a new GUID by its {@link IndexSupervisor}. Every state change happens under the lock of
 * the process the instance belongs to; health checks run outside it.
 */
final class Instance {

    /** What the instance tells its supervisor. Called under the lock. */
    interface Listener {
        void healthy(Instance instance);

        void crashed(Instance instance);
    }

    private enum Phase { STARTING, RUNNING, CRASHED, STOPPING, STOPPED }

    /** Diego checks a starting instance often, so that it is routable as soon as it listens. */
    static final Duration STARTUP_CHECK_INTERVAL = Duration.ofMillis(25);

    private static final Logger LOG = LoggerFactory.getLogger(Instance.class);

    private final CellServices services;
    private final Object lock;
    private final Listener listener;
    private final DesiredProcess desired;
    private final HealthChecker.Settings health;
    /** The readiness check, or null when there is none (type process): then a running instance is always ready. */
    private final HealthChecker.Settings readiness;
    private final int index;
    private final String guid = UUID.randomUUID().toString();
    private final Cell cell;
    private final String sourceType;

    private Phase phase = Phase.STARTING;
    private Instant since;
    private Instant healthySince;
    private String details;
    private int port;
    private Path directory;
    /** What the process was started with, for shells opened in the instance (cf ssh). */
    private Map<String, String> environment;
    private InstanceProcess process;
    private ScheduledFuture<?> startupChecks;
    private ScheduledFuture<?> startupTimeout;
    private ScheduledFuture<?> livenessChecks;
    private ScheduledFuture<?> readinessChecks;
    private boolean ready = true;
    /** Started by its supervisor after the index crashed (rather than first, by a scale-up or a new version). */
    private boolean afterCrash;
    /** The sidecars' OS processes, started right after the instance's own. */
    private final List<InstanceProcess> sidecars = new ArrayList<>();
    private long launchedNanos;

    private Instance(CellServices services, Object lock, Listener listener, DesiredProcess desired, int index,
                     Cell cell) {
        this.services = services;
        this.lock = lock;
        this.listener = listener;
        this.desired = desired;
        this.health = HealthChecker.Settings.of(desired.healthCheck());
        this.readiness = desired.readiness() == null || "process".equals(desired.readiness().type()) ? null
                : HealthChecker.Settings.of(desired.readiness());
        this.index = index;
        this.cell = cell;
        this.sourceType = "APP/PROC/" + desired.processType().toUpperCase(Locale.ROOT);
        this.since = services.clock().instant();
    }

    /** A new instance on the cell placement chooses, not started yet. Under the lock. */
    static Instance placed(CellServices services, Object lock, Listener listener, DesiredProcess desired, int index) {
        Cell cell = services.placement().place(desired.processGuid());
        return new Instance(services, lock, listener, desired, index, cell);
    }

    /**
     * Launches the process and starts checking it. A launch failure makes it CRASHED at once, so the
     * listener must know this instance before calling. Under the lock.
     */
    void start() {
        if (!cell.isUp()) {
            // Placement found no cell up: the instance fails as Diego's auction does, and its crash restarts retry.
            cell.release(desired.processGuid());
            crash("Failed to create container: insufficient resources: cell " + cell.name() + " is "
                    + cell.state().label());
            return;
        }
        cellLog(false, "Cell " + cell.name() + " creating container for instance " + guid);
        try {
            directory = Files.createDirectories(services.workDir().resolve(cell.name()).resolve(guid));
            Path tmp = Files.createDirectories(directory.resolve("tmp"));
            port = FreePort.find();
            launchedNanos = System.nanoTime();
            environment = InstanceEnvironment.of(desired, index, guid, port, directory, tmp, services.path());
            process = services.launcher().launch(desired, directory, environment,
                    cell.name() + "/" + desired.processGuid() + "/" + index, this::output);
        } catch (IOException | RuntimeException e) {
            LOG.warn("instance {} of {} failed to start", index, desired.processGuid(), e);
            cell.release(desired.processGuid());
            crash("Failed to create container: " + e.getMessage());
            return;
        }
        services.processes().add(process);
        startSidecars();
        cellLog(false, "Cell " + cell.name() + " successfully created container for instance " + guid);
        startupChecks = services.scheduler().scheduleWithFixedDelay(this::startupCheck, 0,
                STARTUP_CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        startupTimeout = services.scheduler().schedule(this::startupTimedOut, health.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        // Last: a process that is already gone runs this at once, and its crash must cancel the checks above.
        process.exit().whenComplete((status, error) -> exited(status == null ? -1 : status));
    }

    /**
     * Each sidecar as a process of its own in the instance's directory with the instance's environment, as
     * Diego runs them in the same container; one that exits crashes the instance, as in Diego. Under the lock.
     */
    private void startSidecars() {
        for (SidecarProcess sidecar : desired.sidecars()) {
            if (afterCrash && !sidecar.restartsWithInstance()) {
                continue;
            }
            String source = sourceType + "/SIDECAR/" + sidecar.name().toUpperCase(Locale.ROOT);
            try {
                InstanceProcess started = services.launcher().launchSidecar(sidecar, desired, directory, environment,
                        cell.name() + "/" + desired.processGuid() + "/" + index + "/" + sidecar.name(),
                        (stderr, text) -> services.logs().add(new LogLine(services.clock().instant(),
                                desired.appGuid(), source, Integer.toString(index), stderr, text)));
                sidecars.add(started);
                services.processes().add(started);
                started.exit().whenComplete((status, error) -> sidecarExited(sidecar, started,
                        status == null ? -1 : status));
            } catch (IOException | RuntimeException e) {
                LOG.warn("sidecar {} of instance {} of {} failed to start", sidecar.name(), index,
                        desired.processGuid(), e);
                cellLog(true, "Failed to start sidecar " + sidecar.name() + ": " + e.getMessage());
            }
        }
    }

    private void sidecarExited(SidecarProcess sidecar, InstanceProcess exited, int status) {
        synchronized (lock) {
            services.processes().remove(exited);
            if ((phase == Phase.STARTING || phase == Phase.RUNNING) && sidecar.exitCrashesInstance()) {
                cellLog(true, "Sidecar " + sidecar.name() + " exited with status " + status);
                crash("Sidecar " + sidecar.name() + " exited with status " + status);
                process.stop(services.stopGrace(), services.scheduler());
            }
        }
    }

    private void stopSidecars() {
        sidecars.forEach(sidecar -> sidecar.stop(services.stopGrace(), services.scheduler()));
    }

    private void output(boolean stderr, String text) {
        services.logs().add(new LogLine(services.clock().instant(), desired.appGuid(), sourceType,
                Integer.toString(index), stderr, text));
    }

    private void cellLog(boolean stderr, String text) {
        services.logs().add(new LogLine(services.clock().instant(), desired.appGuid(), "CELL",
                Integer.toString(index), stderr, text));
    }

    private void startupCheck() {
        Optional<String> failure = check();
        // Routable only once ready too, as Diego adds a route only after the readiness check passed.
        Optional<String> notReady = failure.isPresent() ? Optional.empty() : readinessCheck();
        synchronized (lock) {
            if (phase != Phase.STARTING || failure.isPresent()) {
                return;
            }
            cancelChecks();
            phase = Phase.RUNNING;
            ready = notReady.isEmpty();
            since = services.clock().instant();
            healthySince = since;
            LOG.debug("instance {} of {} healthy after {} ms", index, desired.processGuid(),
                    (System.nanoTime() - launchedNanos) / 1_000_000);
            cellLog(false, "Container became healthy");
            livenessChecks = services.scheduler().scheduleWithFixedDelay(this::livenessCheck,
                    health.interval().toMillis(), health.interval().toMillis(), TimeUnit.MILLISECONDS);
            if (readiness != null) {
                readinessChecks = services.scheduler().scheduleWithFixedDelay(this::checkReadiness,
                        readiness.interval().toMillis(), readiness.interval().toMillis(), TimeUnit.MILLISECONDS);
            }
            listener.healthy(this);
        }
    }

    private void startupTimedOut() {
        Optional<String> failure = check();
        synchronized (lock) {
            if (phase != Phase.STARTING || failure.isEmpty()) {
                return;
            }
            cellLog(true, "Timed out after " + GoDuration.format(health.timeout()) + ": health check never passed.");
            crash("Instance never healthy after " + GoDuration.format(health.timeout()) + ": " + failure.get());
            process.stop(services.stopGrace(), services.scheduler());
        }
    }

    private void livenessCheck() {
        Optional<String> failure = check();
        synchronized (lock) {
            if (phase != Phase.RUNNING || failure.isEmpty()) {
                return;
            }
            // Like Diego, a failed liveness check takes the instance out of the routes and kills it.
            cellLog(true, "Container became unhealthy");
            crash("Instance became unhealthy: " + failure.get());
            process.stop(services.stopGrace(), services.scheduler());
        }
    }

    /** A failed readiness check takes the instance out of the routes, a passing one puts it back; no restart. */
    private void checkReadiness() {
        Optional<String> notReady = readinessCheck();
        synchronized (lock) {
            if (phase != Phase.RUNNING || ready == notReady.isEmpty()) {
                return;
            }
            ready = notReady.isEmpty();
            cellLog(!ready, ready ? "Container became ready" : "Container became not ready: " + notReady.get());
        }
    }

    private Optional<String> readinessCheck() {
        if (readiness == null) {
            return Optional.empty();
        }
        try {
            return services.checker().failure(readiness, port, process);
        } catch (RuntimeException e) {
            return Optional.of("readiness check failed: " + e);
        }
    }

    /** Runs one check without the lock: a check may take up to its invocation timeout. */
    private Optional<String> check() {
        try {
            return services.checker().failure(health, port, process);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; a broken check is a failed check.
            return Optional.of("health check failed: " + e);
        }
    }

    private void exited(int status) {
        synchronized (lock) {
            services.processes().remove(process);
            cell.release(desired.processGuid());
            cancelChecks();
            stopSidecars();
            output(false, "Exit status " + status);
            if (phase == Phase.STARTING || phase == Phase.RUNNING) {
                cellLog(false, "Cell " + cell.name() + " stopping instance " + guid);
                crash(sourceType + ": Exited with status " + status);
            }
            if (phase == Phase.STOPPING) {
                phase = Phase.STOPPED;
                since = services.clock().instant();
            }
            cellLog(false, "Cell " + cell.name() + " successfully destroyed container for instance " + guid);
        }
        deleteDirectory();
    }

    private void crash(String reason) {
        cancelChecks();
        phase = Phase.CRASHED;
        since = services.clock().instant();
        details = reason;
        listener.crashed(this);
    }

    /** Marks an instance that restarts a crashed one, before {@link #start()}. */
    void afterCrash() {
        afterCrash = true;
    }

    /** Completes once the instance's process has exited; at once when it has none. */
    CompletableFuture<Void> gone() {
        return process == null ? CompletableFuture.completedFuture(null) : process.exit().thenAccept(status -> { });
    }

    /** Stops the instance for good (scale down, replacement, removal): SIGTERM, then SIGKILL after the grace. Under the lock. */
    void stop() {
        if (phase == Phase.STOPPING || phase == Phase.STOPPED) {
            return;
        }
        cancelChecks();
        boolean alive = process != null && process.isAlive();
        phase = alive ? Phase.STOPPING : Phase.STOPPED;
        since = services.clock().instant();
        if (alive) {
            cellLog(false, "Cell " + cell.name() + " stopping instance " + guid);
            cellLog(false, "Cell " + cell.name() + " destroying container for instance " + guid);
            process.stop(services.stopGrace(), services.scheduler());
        }
        stopSidecars();
    }

    /**
     * Kills the process tree at once (SIGKILL), as when the cell's VM dies; its exit is then seen as a
     * crash, and the supervisor restarts the index on a cell that is up. Under the lock.
     */
    void kill() {
        if (process != null && process.isAlive()) {
            cellLog(true, "Cell " + cell.name() + " lost: instance " + guid + " killed");
            process.kill();
        }
        sidecars.forEach(InstanceProcess::kill);
    }

    private void cancelChecks() {
        for (ScheduledFuture<?> future : new ScheduledFuture<?>[] {startupChecks, startupTimeout, livenessChecks,
                readinessChecks}) {
            if (future != null) {
                future.cancel(false);
            }
        }
    }

    private void deleteDirectory() {
        WorkDirectories.deleteQuietly(directory);
    }

    boolean isOn(Cell other) {
        return cell == other;
    }

    String guid() {
        return guid;
    }

    String version() {
        return desired.version();
    }

    boolean isRunning() {
        return phase == Phase.RUNNING;
    }

    /** Starting or running: not crashed, not stopped. */
    boolean isUp() {
        return phase == Phase.STARTING || phase == Phase.RUNNING;
    }

    Instant healthySince() {
        return healthySince;
    }

    /** Where a shell in this instance's container runs (cf ssh), while its process is up. Under the lock. */
    Optional<InstanceAccess> access() {
        if (!isUp() || process == null || !process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of(new InstanceAccess(desired.appGuid(), index, guid, directory, environment, port,
                process.exit()));
    }

    InstanceStatus status() {
        InstanceState state = switch (phase) {
            case STARTING -> InstanceState.STARTING;
            case RUNNING -> InstanceState.RUNNING;
            case CRASHED -> InstanceState.CRASHED;
            case STOPPING, STOPPED -> InstanceState.DOWN;
        };
        boolean alive = process != null && process.isAlive();
        return new InstanceStatus(index, guid, state, "127.0.0.1", port, since, cell.name(), cell.zone(),
                phase == Phase.RUNNING && ready, details, alive ? process.pid() : -1, alive ? process.memoryBytes() : 0,
                alive ? process.cpuFraction() : 0);
    }
}
