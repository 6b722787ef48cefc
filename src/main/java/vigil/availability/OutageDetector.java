package vigil.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import vigil.report.AvailabilityResult.Outage;

/**
 * Turns one probe's samples, in schedule order, into outages: a run of consecutive failures is one outage
 * from the scheduled time of its first failure to the scheduled time of the next success. Only the outage
 * under way is held; finished ones go to {@code finished}.
 *
 * <p>The measured length errs by less than one probe interval at each end: the outage really began after the
 * last success and really ended before the next success.
 */
final class OutageDetector {
    private final Consumer<Outage> finished;
    private Instant openedAt;
    private Map<String, Long> kinds;

    OutageDetector(Consumer<Outage> finished) {
        this.finished = Objects.requireNonNull(finished, "finished");
    }

    void failure(Instant scheduled, String kind) {
        if (openedAt == null) {
            openedAt = scheduled;
            kinds = new TreeMap<>();
        }
        kinds.merge(kind, 1L, Long::sum);
    }

    void success(Instant scheduled) {
        if (openedAt != null) {
            close(scheduled);
        }
    }

    /** Ends the outage under way (if any) at {@code end}, the end of the measurement. */
    void finish(Instant end) {
        if (openedAt != null) {
            close(end.isBefore(openedAt) ? openedAt : end);
        }
    }

    /** The outage under way, if any, as it would be if it ended at {@code now}. */
    Outage current(Instant now) {
        return openedAt == null ? null : outage(openedAt, now.isBefore(openedAt) ? openedAt : now, kinds);
    }

    private void close(Instant end) {
        Outage outage = outage(openedAt, end, kinds);
        openedAt = null;
        kinds = null;
        finished.accept(outage);
    }

    private static Outage outage(Instant start, Instant end, Map<String, Long> kinds) {
        return new Outage(start, end, Duration.between(start, end).toNanos() / 1e9, kinds);
    }
}
