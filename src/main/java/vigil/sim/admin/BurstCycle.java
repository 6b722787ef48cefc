package vigil.sim.admin;

import java.time.Duration;

/**
 * The api-bursts fault's 30-second cycle, repeated from the moment the fault starts: 2 s in which the Cloud
 * Controller answers 503, 8 s quiet, 2 s in which its rate limiter answers 429 (Retry-After 1 s), 8 s quiet,
 * 3 s in which every answer comes late, 7 s quiet. Short enough that a client retrying with backoff gets
 * through each burst; long enough that a 2 Hz probe sees every one of them.
 */
final class BurstCycle {
    static final Duration CYCLE = Duration.ofSeconds(30);
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    enum Phase { UNAVAILABLE, QUIET, RATE_LIMITED, SLOW }

    private BurstCycle() {
    }

    /** The phase at the given time since the fault started. */
    static Phase at(Duration sinceStart) {
        long ms = Math.floorMod(sinceStart.toMillis(), CYCLE.toMillis());
        if (ms < 2_000) {
            return Phase.UNAVAILABLE;
        }
        if (ms >= 10_000 && ms < 12_000) {
            return Phase.RATE_LIMITED;
        }
        if (ms >= 20_000 && ms < 23_000) {
            return Phase.SLOW;
        }
        return Phase.QUIET;
    }
}
