package vigil.sim.cells;

/**
 * One cell as an operator sees it (what {@code bosh instances} and Diego's cell registrations show).
 *
 * @param instances app instances placed on the cell right now, of every process
 * @param state     whether it takes new instances
 */
public record CellStatus(String name, String zone, int instances, CellState state) {

    /** A cell that is up. */
    public CellStatus(String name, String zone, int instances) {
        this(name, zone, instances, CellState.UP);
    }
}
