package vigil.sim.admin;

import java.time.Duration;
import java.time.Instant;

/**
 * One injected fault as {@code GET /vigil/admin/faults} shows it.
 *
 * @param cell    kill-cell: the cell that was killed; otherwise null
 * @param delay   slow-api: how late answers come; otherwise null
 * @param share   router-errors: the share of routed requests that fail; otherwise 0
 * @param endsAt  when it ends by itself
 * @param endedAt when it ended (by itself or deleted), or null while active
 */
public record Fault(String id, FaultKind kind, String cell, Duration delay, double share, Instant startedAt,
                    Instant endsAt, Instant endedAt) {

    public boolean isActive() {
        return endedAt == null;
    }

    Fault endedAt(Instant at) {
        return new Fault(id, kind, cell, delay, share, startedAt, endsAt, at);
    }

    /** One line for operators: "api-outage until 12:03:41Z", "kill-cell cell-1 until ...". */
    public String describe() {
        String what = switch (kind) {
            case KILL_CELL -> "kill-cell " + cell;
            case SLOW_API -> "slow-api (+" + delay.toMillis() + " ms)";
            case ROUTER_ERRORS -> "router-errors (" + Math.round(share * 100) + " % of requests)";
            case API_OUTAGE -> "api-outage";
        };
        return what + (isActive() ? " until " + endsAt : " ended at " + endedAt);
    }
}
