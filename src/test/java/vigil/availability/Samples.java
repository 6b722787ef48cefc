package vigil.availability;

import java.time.Duration;
import java.time.Instant;

/** Synthetic samples of one probe at 10 Hz from a fixed instant, for tests of the pure logic. */
final class Samples {
    static final Instant T0 = Instant.parse("2025-05-01T12:00:00Z");
    static final Duration INTERVAL = Duration.ofMillis(100);

    private Samples() {
    }

    static Instant at(long seq) {
        return T0.plus(INTERVAL.multipliedBy(seq));
    }

    static Sample ok(long seq, String instance) {
        return new Sample(seq, at(seq), at(seq).plusMillis(1), 5_000, ProbeOutcome.success(200, instance));
    }

    static Sample ok(long seq) {
        return ok(seq, null);
    }

    static Sample failed(long seq, String error) {
        Integer status = error.startsWith("http_") ? Integer.valueOf(error.substring(5)) : null;
        return new Sample(seq, at(seq), at(seq).plusMillis(1), 2_000, ProbeOutcome.failure(status, error, null));
    }

    static Sample late(long seq, long lagMillis) {
        return new Sample(seq, at(seq), at(seq).plusMillis(lagMillis), lagMillis * 1000 + 3_000,
                ProbeOutcome.success(200, null));
    }
}
