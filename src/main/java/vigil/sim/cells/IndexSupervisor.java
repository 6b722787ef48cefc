package vigil.sim.cells;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one instance index of a process running, as Diego keeps an ActualLRP: restarts it after a crash
 * with a new instance (and GUID) once {@link RestartBackoff} allows, and replaces it on a new version
 * without a gap: the new instance starts beside the old one, which stops once the new one is healthy.
 * Guarded by the lock of its {@link LongRunningProcess}.
 */
final class IndexSupervisor implements Instance.Listener {

    /** Places a new instance of the current desired process at an index. */
    interface Launcher {
        Instance place(int index, Instance.Listener listener);
    }

    private static final Logger LOG = LoggerFactory.getLogger(IndexSupervisor.class);

    private final int index;
    private final Object lock;
    private final Launcher launcher;
    private final CellServices services;
    private final RestartBackoff backoff;

    /** The instance that holds the index: running, starting, or crashed and waiting for its restart. */
    private Instance serving;
    /** A newer version starting beside {@link #serving}, or {@code null}. */
    private Instance replacement;
    private ScheduledFuture<?> pendingRestart;
    private boolean stopped;

    IndexSupervisor(int index, Object lock, Launcher launcher, CellServices services) {
        this.index = index;
        this.lock = lock;
        this.launcher = launcher;
        this.services = services;
        this.backoff = new RestartBackoff(services.clock());
    }

    void start() {
        serving = launcher.place(index, this);
        serving.start();
    }

    /** The desired process has a new version: bring every instance of this index to it. */
    void replace() {
        cancelPendingRestart();
        if (serving != null && serving.isUp()) {
            if (replacement != null) {
                replacement.stop();
            }
            replacement = launcher.place(index, this);
            replacement.start();
        } else {
            if (serving != null) {
                serving.stop();
            }
            start();
        }
    }

    /**
     * For a rolling deployment's fault mode: stops the serving instance first and starts one of the new version
     * once the old one's process is gone, as a stop-then-start push does, so the index is down from the stop until
     * the new instance is healthy. (Starting the new one at once left a gap of a JVM start, about 0.15 s, which a
     * 10 Hz probe could miss.)
     */
    void replaceStoppingFirst() {
        cancelPendingRestart();
        if (replacement != null) {
            replacement.stop();
            replacement = null;
        }
        Instance old = serving;
        if (old == null) {
            start();
            return;
        }
        old.stop();
        old.gone().whenComplete((ignored, error) -> {
            synchronized (lock) {
                // Unless the index was stopped or changed hands meanwhile (another version, a scale-down).
                if (!stopped && serving == old) {
                    start();
                }
            }
        });
    }

    /** The index already serves the wanted version: a newer instance on its way is not wanted any more. */
    void keepServing() {
        cancelPendingRestart();
        if (replacement != null) {
            replacement.stop();
            replacement = null;
        }
    }

    /** Whether a running instance of that version serves the index, with no other instance beside it. */
    boolean serves(String version) {
        return replacement == null && runs(version);
    }

    /** Whether a running instance of that version serves the index, perhaps with a newer one starting beside it. */
    boolean runs(String version) {
        return serving != null && serving.isRunning() && serving.version().equals(version);
    }

    /**
     * The cell is draining (Diego's evacuation): an instance of this index on it gets a replacement on
     * another cell, and stops once that one is healthy, so the index never stops serving.
     */
    void evacuate(Cell cell) {
        if (stopped) {
            return;
        }
        boolean replacementHere = replacement != null && replacement.isOn(cell);
        if (replacementHere) {
            replacement.stop();
            replacement = null;
        }
        boolean servingHere = serving != null && serving.isOn(cell);
        if (!servingHere && !replacementHere) {
            return;
        }
        if (serving != null && serving.isUp()) {
            if (replacement == null) {
                replacement = launcher.place(index, this);
                replacement.start();
            }
        } else if (pendingRestart == null) {
            // Nothing serves and no restart is on its way: start one now, on another cell.
            if (serving != null) {
                serving.stop();
            }
            start();
        }
        // A crashed instance waiting for its restart needs nothing: the restart is placed on a cell that is up.
    }

    /** The cell died: its instances of this index are killed; their crashes restart them elsewhere. */
    void kill(Cell cell) {
        for (Instance instance : new Instance[] {replacement, serving}) {
            if (instance != null && instance.isOn(cell)) {
                instance.kill();
            }
        }
    }

    /** Stops every instance of the index for good. */
    void stop() {
        stopped = true;
        cancelPendingRestart();
        if (replacement != null) {
            replacement.stop();
        }
        if (serving != null) {
            serving.stop();
        }
    }

    @Override
    public void healthy(Instance instance) {
        if (instance == replacement) {
            Instance old = serving;
            serving = replacement;
            replacement = null;
            old.stop();
        }
    }

    @Override
    public void crashed(Instance instance) {
        if (stopped) {
            return;
        }
        if (instance == replacement) {
            replacement = null;
            scheduleRestart(instance);
        } else if (instance == serving) {
            if (replacement != null) {
                // The newer instance already on its way takes over; no restart of the old version.
                serving = replacement;
                replacement = null;
            } else {
                scheduleRestart(instance);
            }
        }
    }

    private void scheduleRestart(Instance crashed) {
        cancelPendingRestart();
        Duration delay = backoff.delayAfterCrash(crashed.healthySince());
        LOG.debug("index {} crashed ({} crashes), restart in {}", index, backoff.crashes(), delay);
        try {
            pendingRestart = services.scheduler().schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.debug("index {} not restarted: cells closing", index);
        }
    }

    private void restart() {
        synchronized (lock) {
            pendingRestart = null;
            if (stopped) {
                return;
            }
            if (serving != null && serving.isUp()) {
                // A crashed replacement: try the new version again beside the old one still serving.
                replacement = launcher.place(index, this);
                replacement.afterCrash();
                replacement.start();
            } else {
                serving = launcher.place(index, this);
                serving.afterCrash();
                serving.start();
            }
        }
    }

    private void cancelPendingRestart() {
        if (pendingRestart != null) {
            pendingRestart.cancel(false);
            pendingRestart = null;
        }
    }

    /** The instance that serves the index, for a shell in its container (cf ssh); empty while none is up. */
    Optional<InstanceAccess> access() {
        return serving == null ? Optional.empty() : serving.access();
    }

    /** The old version while it still serves, else the newest instance; DOWN when none ever started. */
    InstanceStatus status() {
        if (serving != null && serving.isRunning()) {
            return serving.status();
        }
        if (replacement != null) {
            return replacement.status();
        }
        if (serving != null) {
            return serving.status();
        }
        return new InstanceStatus(index, null, InstanceState.DOWN, null, 0, services.clock().instant(), null, null,
                false, null, -1, 0, 0);
    }
}
