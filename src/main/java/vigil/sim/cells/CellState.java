package vigil.sim.cells;

import java.util.Locale;

/**
 * Whether a cell takes new instances. A platform deploy drains a cell (its instances move away while it
 * still runs them), then takes it down while it "restarts"; a killed cell is down until it comes back.
 */
public enum CellState {
    /** Runs instances and takes new ones. */
    UP,
    /** Still runs its instances, takes no new ones: they are being evacuated to other cells. */
    DRAINING,
    /** Runs nothing and takes nothing. */
    DOWN;

    /** As operators read it in {@code vigil sim status}: {@code up}, {@code draining}, {@code down}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
