package vigil.sim.cells;

/**
 * One cell as an operator sees it (what {@code bosh instances} and Diego's cell registrations show).
 *
 * @param instances app instances placed on the cell right now, of every process
 */
public record CellStatus(String name, String zone, int instances) {
}
