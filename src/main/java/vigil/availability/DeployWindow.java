package vigil.availability;

import java.time.Instant;

/**
 * When the deploy (or fault) under measurement started and ended; both {@code null} until marked.
 * Marked from one thread and read by the samples' threads, hence volatile.
 */
final class DeployWindow {
    enum Phase { BEFORE, DURING, AFTER }

    private volatile Instant start;
    private volatile Instant end;

    void markStart(Instant at) {
        start = at;
    }

    void markEnd(Instant at) {
        end = at;
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    boolean marked() {
        return start != null;
    }

    Phase phaseOf(Instant scheduled) {
        Instant s = start;
        Instant e = end;
        if (s == null || scheduled.isBefore(s)) {
            return Phase.BEFORE;
        }
        return e == null || scheduled.isBefore(e) ? Phase.DURING : Phase.AFTER;
    }
}
