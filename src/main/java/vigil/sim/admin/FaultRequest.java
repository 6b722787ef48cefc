package vigil.sim.admin;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault to inject and for how long.
 *
 * @param cell  kill-cell only: the cell to kill, or null for the cell with the most instances
 * @param delay slow-api only: how late every answer comes
 * @param share router-errors only: the share of routed requests that fail, from 0 (exclusive) to 1
 */
public record FaultRequest(FaultKind kind, Duration duration, String cell, Duration delay, double share) {

    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);
    public static final double DEFAULT_SHARE = 0.3;
    static final Duration MAX_DURATION = Duration.ofHours(24);
    static final Duration MAX_DELAY = Duration.ofMinutes(5);

    public FaultRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(delay, "delay");
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be more than 0 and at most 24 hours, was " + duration);
        }
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay must be between 0 and 5 minutes, was " + delay);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be more than 0 and at most 1, was " + share);
        }
        if (cell != null && cell.isBlank()) {
            cell = null;
        }
    }

    /** The kind with the defaults: 30 s, the busiest cell, 2 s delay, 30 % of router requests. */
    public static FaultRequest of(FaultKind kind) {
        return new FaultRequest(kind, DEFAULT_DURATION, null, DEFAULT_DELAY, DEFAULT_SHARE);
    }

    public FaultRequest lasting(Duration length) {
        return new FaultRequest(kind, length, cell, delay, share);
    }

    public FaultRequest onCell(String name) {
        return new FaultRequest(kind, duration, name, delay, share);
    }

    public FaultRequest delayedBy(Duration late) {
        return new FaultRequest(kind, duration, cell, late, share);
    }

    public FaultRequest failingShare(double failing) {
        return new FaultRequest(kind, duration, cell, delay, failing);
    }
}
