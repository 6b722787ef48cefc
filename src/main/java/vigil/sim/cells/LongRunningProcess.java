package vigil.sim.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One desired process and its instances (Diego: a desired LRP and its actual LRPs). Desiring it again
 * scales it or, on a new version, replaces every instance. All of its state, and that of its
 * supervisors and instances, is guarded by this object's monitor.
 */
final class LongRunningProcess {

    private final CellServices services;
    private final List<IndexSupervisor> indices = new ArrayList<>();
    private DesiredProcess desired;
    private boolean stopped;
    /** An unfinished rolling deployment, checked every {@link Instance#STARTUP_CHECK_INTERVAL}, or null. */
    private RollingReplacement rolling;
    private ScheduledFuture<?> rollingChecks;

    LongRunningProcess(CellServices services) {
        this.services = services;
    }

    synchronized void update(DesiredProcess next) {
        if (stopped) {
            throw new IllegalStateException("process " + next.processGuid() + " was removed");
        }
        boolean newVersion = desired != null && !Objects.equals(desired.version(), next.version());
        desired = next;
        while (indices.size() > next.instances()) {
            // Scaling down stops the highest indices, as Diego does.
            indices.remove(indices.size() - 1).stop();
        }
        if (newVersion) {
            indices.forEach(IndexSupervisor::replace);
        }
        while (indices.size() < next.instances()) {
            IndexSupervisor supervisor = new IndexSupervisor(indices.size(), this, this::place, services);
            indices.add(supervisor);
            supervisor.start();
        }
    }

    /**
     * Desires a new version as a rolling deployment: indices that already serve it keep their instance (a
     * cancelled deployment rolls back only what it replaced), the others are replaced as the rollout says.
     * Added indices start on the new version; a later plain update with another version takes over. Rolling out
     * the version already desired brings the indices a limited roll-out left behind (a paused canary) to it.
     */
    synchronized void rollOut(DesiredProcess next, Rollout rollout) {
        if (desired == null) {
            update(next);
            return;
        }
        if (stopped) {
            throw new IllegalStateException("process " + next.processGuid() + " was removed");
        }
        desired = next;
        while (indices.size() > next.instances()) {
            indices.remove(indices.size() - 1).stop();
        }
        List<IndexSupervisor> toReplace = new ArrayList<>();
        for (IndexSupervisor index : indices) {
            if (index.runs(next.version())) {
                index.keepServing();
            } else {
                toReplace.add(index);
            }
        }
        while (indices.size() < next.instances()) {
            IndexSupervisor supervisor = new IndexSupervisor(indices.size(), this, this::place, services);
            indices.add(supervisor);
            supervisor.start();
        }
        if (rolling != null) {
            rollingChecks.cancel(false);
            rolling = null;
        }
        if (toReplace.size() > rollout.replaceAtMost()) {
            toReplace = new ArrayList<>(toReplace.subList(0, rollout.replaceAtMost()));
        }
        if (rollout.stopOldFirst()) {
            toReplace.forEach(IndexSupervisor::replaceStoppingFirst);
            return;
        }
        rolling = new RollingReplacement(next.version(), rollout.maxInFlight(), toReplace);
        if (rolling.advance(indices)) {
            rolling = null;
            return;
        }
        try {
            rollingChecks = services.scheduler().scheduleWithFixedDelay(this::advanceRollout,
                    Instance.STARTUP_CHECK_INTERVAL.toMillis(), Instance.STARTUP_CHECK_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            rolling = null;
        }
    }

    /** Ends when done, when the process was removed, or when another version was desired since. */
    private synchronized void advanceRollout() {
        if (rolling == null) {
            return;
        }
        if (stopped || !rolling.version().equals(desired.version()) || rolling.advance(indices)) {
            rollingChecks.cancel(false);
            rolling = null;
        }
    }

    /** How many indices a running instance of the version serves alone. */
    synchronized int serving(String version) {
        return (int) indices.stream().filter(index -> index.serves(version)).count();
    }

    private Instance place(int index, Instance.Listener listener) {
        return Instance.placed(services, this, listener, desired, index);
    }

    /** Moves this process's instances off a draining cell without a gap (see {@link IndexSupervisor#evacuate}). */
    synchronized void evacuate(Cell cell) {
        if (!stopped) {
            indices.forEach(supervisor -> supervisor.evacuate(cell));
        }
    }

    /** Kills this process's instances on a cell that died. */
    synchronized void kill(Cell cell) {
        indices.forEach(supervisor -> supervisor.kill(cell));
    }

    synchronized void stop() {
        stopped = true;
        indices.forEach(IndexSupervisor::stop);
        indices.clear();
    }

    /** The instance serving an index, for a shell in its container (cf ssh); empty for an index not desired. */
    synchronized Optional<InstanceAccess> access(int index) {
        return index >= 0 && index < indices.size() ? indices.get(index).access() : Optional.empty();
    }

    synchronized List<InstanceStatus> statuses() {
        List<InstanceStatus> statuses = new ArrayList<>(indices.size());
        indices.forEach(supervisor -> statuses.add(supervisor.status()));
        return statuses;
    }
}
