package vigil.availability;

import java.time.Instant;

/**
 * Judges one read of an app's recent logs: the newest line must be newer than the newest one seen at the read
 * before, else the logs are stale ({@code stale_logs}) even though the log store answered; no line at all is
 * {@code no_logs}. The first read with a line passes (there is nothing to compare yet). Thread-safe.
 */
public final class LogFreshness {
    public static final String STALE = "stale_logs";
    public static final String NONE = "no_logs";

    private Instant lastSeen;

    /** @param newest the time of the newest line read, or {@code null} when there was none */
    public synchronized ProbeOutcome judge(Instant newest) {
        if (newest == null) {
            return ProbeOutcome.failure(null, NONE, null);
        }
        if (lastSeen != null && !newest.isAfter(lastSeen)) {
            return ProbeOutcome.failure(null, STALE, null);
        }
        lastSeen = newest;
        return ProbeOutcome.success(null, null);
    }
}
