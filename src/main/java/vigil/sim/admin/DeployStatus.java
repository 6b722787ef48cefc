package vigil.sim.admin;

import java.time.Instant;
import java.util.List;

/**
 * A platform deploy as {@code GET /vigil/admin/deploys/:id} shows it.
 *
 * @param state   running, succeeded or failed
 * @param endedAt null while running
 * @param error   why it failed, or null
 */
public record DeployStatus(String id, String state, DeployRequest request, Instant startedAt, Instant endedAt,
                          List<CellProgress> cells, String error) {

    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public DeployStatus {
        cells = List.copyOf(cells);
    }

    public boolean isRunning() {
        return RUNNING.equals(state);
    }
}
