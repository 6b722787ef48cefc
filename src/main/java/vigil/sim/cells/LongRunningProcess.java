package vigil.sim.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    synchronized List<InstanceStatus> statuses() {
        List<InstanceStatus> statuses = new ArrayList<>(indices.size());
        indices.forEach(supervisor -> statuses.add(supervisor.status()));
        return statuses;
    }
}
