package vigil.sim.cells;

import java.util.HashMap;
import java.util.Map;

/**
 * One cell: a name and a zone, and how many instances of each process it holds, which placement
 * reads to spread instances. The instances themselves run as plain OS processes; a cell is the
 * unit a platform deploy will drain and restart.
 */
final class Cell {

    private final String name;
    private final String zone;
    private final Map<String, Integer> instancesByProcess = new HashMap<>();
    private volatile CellState state = CellState.UP;

    Cell(String name, String zone) {
        this.name = name;
        this.zone = zone;
    }

    /** Cell {@code i} (from 0) is {@code cell-i} in zone z1, z2, z3, z1, ... as BOSH spreads instances over AZs. */
    static Cell numbered(int i) {
        return new Cell("cell-" + i, "z" + (i % 3 + 1));
    }

    String name() {
        return name;
    }

    String zone() {
        return zone;
    }

    synchronized void hold(String processGuid) {
        instancesByProcess.merge(processGuid, 1, Integer::sum);
    }

    synchronized void release(String processGuid) {
        instancesByProcess.computeIfPresent(processGuid, (guid, count) -> count == 1 ? null : count - 1);
    }

    synchronized int instances(String processGuid) {
        return instancesByProcess.getOrDefault(processGuid, 0);
    }

    synchronized int instances() {
        return instancesByProcess.values().stream().mapToInt(Integer::intValue).sum();
    }

    CellState state() {
        return state;
    }

    void state(CellState next) {
        state = next;
    }

    /** Whether new instances may be placed here. */
    boolean isUp() {
        return state == CellState.UP;
    }

    CellStatus status() {
        return new CellStatus(name, zone, instances(), state);
    }
}
