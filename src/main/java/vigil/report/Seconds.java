package vigil.report;

import java.time.Duration;
import java.time.Instant;

/** Durations as the reports write them: seconds with millisecond precision. */
final class Seconds {
    private Seconds() {
    }

    static double of(Duration duration) {
        return duration == null ? 0 : duration.toMillis() / 1000.0;
    }

    static double between(Instant start, Instant end) {
        return start == null || end == null ? 0 : of(Duration.between(start, end));
    }
}
