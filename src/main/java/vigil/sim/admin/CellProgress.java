package vigil.sim.admin;

import java.time.Instant;

/**
 * Where a platform deploy is with one cell.
 *
 * @param phase     pending, evacuating, stopping, restarting, settling, done or skipped
 * @param instances instances the cell held when its turn came
 * @param note      what went differently than planned (no cell to evacuate to, a timeout), or null
 */
public record CellProgress(String name, String zone, String phase, int instances, Instant startedAt, Instant endedAt,
                           String note) {

    static CellProgress pending(String name, String zone) {
        return new CellProgress(name, zone, "pending", 0, null, null, null);
    }

    CellProgress started(int held, Instant at) {
        return new CellProgress(name, zone, "evacuating", held, at, null, note);
    }

    CellProgress phase(String next) {
        return new CellProgress(name, zone, next, instances, startedAt, endedAt, note);
    }

    CellProgress noted(String text) {
        return new CellProgress(name, zone, phase, instances, startedAt, endedAt, note == null ? text : note + "; " + text);
    }

    CellProgress ended(String last, Instant at) {
        return new CellProgress(name, zone, last, instances, startedAt == null ? at : startedAt, at, note);
    }
}
