package vigil.sim.cells;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When to restart a crashed instance, as Diego's restart policy does, scaled down for a local CF:
 * Diego restarts the first three crashes at once, then waits 30 s, 60 s, ... up to 16 min, and forgets
 * the crashes of an instance that ran for 5 min. Here the first three wait only a moment (so CRASHED is
 * visible to whoever polls the stats), then 2 s, 4 s, 8 s, ... up to 30 s, forgotten after 30 s of running.
 * One per instance index; not thread-safe (its owner's lock guards it).
 */
final class RestartBackoff {

    static final int IMMEDIATE_RESTARTS = 3;
    static final Duration MOMENT = Duration.ofMillis(500);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration RESET_AFTER = Duration.ofSeconds(30);

    private final Clock clock;
    private int crashes;

    RestartBackoff(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts a crash and says how long to wait before restarting.
     *
     * @param healthySince when the crashed instance became healthy, or {@code null} if it never did;
     *                     an instance healthy for {@link #RESET_AFTER} starts counting from zero again
     */
    Duration delayAfterCrash(Instant healthySince) {
        if (healthySince != null && !Duration.between(healthySince, clock.instant()).minus(RESET_AFTER).isNegative()) {
            crashes = 0;
        }
        crashes++;
        if (crashes <= IMMEDIATE_RESTARTS) {
            return MOMENT;
        }
        int doublings = Math.min(crashes - IMMEDIATE_RESTARTS - 1, 30);
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    /** Crashes counted since the last reset, as CC's stats and events report them. */
    int crashes() {
        return crashes;
    }
}
