package vigil.sim.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vigil.sim.api.ApiRefusal;

/**
 * One injected fault as {@code GET /vigil/admin/faults} shows it.
 *
 * @param cell    kill-cell: the cell that was killed; otherwise null
 * @param delay   slow-api, api-bursts: how late answers come (api-bursts: in its slow phase); otherwise null
 * @param share   router-errors: the share of routed requests that fail; otherwise 0
 * @param endsAt  when it ends by itself
 * @param endedAt when it ended (by itself or deleted), or null while active
 */
public record Fault(String id, FaultKind kind, String cell, Duration delay, double share, Instant startedAt,
                    Instant endsAt, Instant endedAt) {

    public boolean isActive() {
        return endedAt == null;
    }

    /** How late this fault makes a CF API request that arrives at the given time. */
    Duration delayAt(Instant at) {
        return switch (kind) {
            case SLOW_API -> delay;
            case API_BURSTS -> phaseAt(at) == BurstCycle.Phase.SLOW ? delay : Duration.ZERO;
            default -> Duration.ZERO;
        };
    }

    /** Whether, and how, this fault refuses a CF API request that arrives at the given time. */
    Optional<ApiRefusal> refusalAt(Instant at) {
        String why = "The Cloud Controller is unavailable (injected fault " + kind.label() + " " + id + " until "
                + endsAt + ")";
        return switch (kind) {
            case API_OUTAGE -> Optional.of(ApiRefusal.unavailable(why));
            case API_BURSTS -> switch (phaseAt(at)) {
                case UNAVAILABLE -> Optional.of(ApiRefusal.unavailable(why));
                case RATE_LIMITED -> Optional.of(ApiRefusal.rateLimited(BurstCycle.RETRY_AFTER, at));
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }

    private BurstCycle.Phase phaseAt(Instant at) {
        return BurstCycle.at(Duration.between(startedAt, at));
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
            case API_BURSTS -> "api-bursts (every " + BurstCycle.CYCLE.toSeconds() + " s: 503s, 429s, +"
                    + delay.toMillis() + " ms)";
        };
        return what + (isActive() ? " until " + endsAt : " ended at " + endedAt);
    }
}
