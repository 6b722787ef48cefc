package vigil.sim.cells;

import java.util.Comparator;
import java.util.List;

/**
 * Chooses the cell for a new instance as Diego's auction does in spirit: the cell with the fewest
 * instances of the same process first (so one cell's loss takes few instances of an app), then the
 * least loaded one, then the first. Choosing and counting the instance in are one atomic step, so
 * instances started at the same time still spread. Only cells that are up take instances; when none is,
 * the instance is still given a cell, where it fails to start (Diego: insufficient resources) and is
 * retried by its crash restarts until a cell is back.
 */
final class Placement {

    private final List<Cell> cells;

    Placement(List<Cell> cells) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("there must be at least one cell");
        }
        this.cells = List.copyOf(cells);
    }

    synchronized Cell place(String processGuid) {
        List<Cell> candidates = cells.stream().filter(Cell::isUp).toList();
        Cell chosen = (candidates.isEmpty() ? cells : candidates).stream()
                .min(Comparator.comparingInt((Cell cell) -> cell.instances(processGuid)).thenComparingInt(Cell::instances))
                .orElseThrow();
        chosen.hold(processGuid);
        return chosen;
    }
}
