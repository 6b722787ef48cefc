package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vigil.report.AvailabilityResult.Outage;
import vigil.report.Thresholds;

class ProbeVerdictTest {
    private static final Outage LONGEST = new Outage(Instant.parse("2025-05-01T12:03:41.250Z"),
            Instant.parse("2025-05-01T12:03:43.050Z"), 1.8, Map.of("http_502", 18L));

    @Test
    void availabilityBelowTheMinimumExplainsItself() {
        ProbeVerdict.Judgement judgement = ProbeVerdict.judge(figures(99.31, 69, 3, LONGEST, 40.0),
                new Thresholds(99.5, null, null, null));

        assertThat(judgement.passed()).isFalse();
        assertThat(judgement.line()).isEqualTo("app-http: 99.31% < 99.50% (3 outages, longest 1.8 s at 12:03:41Z)");
    }

    @Test
    void everyBreachIsNamedInOneLine() {
        ProbeVerdict.Judgement judgement = ProbeVerdict.judge(figures(99.31, 69, 3, LONGEST, 950.0),
                new Thresholds(99.0, 1.0, 10L, 800.0));

        assertThat(judgement.passed()).isFalse();
        assertThat(judgement.line()).isEqualTo("app-http: longest outage 1.8 s > 1.0 s; 69 failed samples > 10;"
                + " p99 latency 950 ms > 800 ms (3 outages, longest 1.8 s at 12:03:41Z)");
    }

    @Test
    void heldThresholdsPass() {
        ProbeVerdict.Judgement judgement = ProbeVerdict.judge(figures(99.31, 69, 3, LONGEST, 40.0),
                new Thresholds(99.0, 2.0, 100L, 800.0));

        assertThat(judgement.passed()).isTrue();
        assertThat(judgement.line()).isEqualTo("app-http: 99.31% passed (3 outages, longest 1.8 s at 12:03:41Z)");
    }

    @Test
    void aFailingProbeIsNeverShownAsOneHundredPercent() {
        ProbeVerdict.Judgement judgement = ProbeVerdict.judge(figures(99.9995, 1, 1, LONGEST, 3.0), Thresholds.NONE);

        assertThat(judgement.line()).startsWith("app-http: 99.9995% passed (1 outage,");
    }

    @Test
    void figuresThatLookEqualGetMoreDecimals() {
        ProbeVerdict.Judgement judgement = ProbeVerdict.judge(figures(99.496, 5, 1, LONGEST, 3.0),
                new Thresholds(99.5, null, null, null));

        assertThat(judgement.line()).startsWith("app-http: 99.496% < 99.500% (");
    }

    @Test
    void noOutageAndNoLimitPasses() {
        ProbeVerdict.Judgement judgement = ProbeVerdict.judge(figures(100, 0, 0, null, 3.0), Thresholds.NONE);

        assertThat(judgement.passed()).isTrue();
        assertThat(judgement.line()).isEqualTo("app-http: 100.00% passed (no outage)");
    }

    @Test
    void aLatencyLimitWithoutAnySuccessFails() {
        ProbeVerdict.Judgement judgement = ProbeVerdict.judge(figures(0, 100, 1, LONGEST, null),
                new Thresholds(null, null, null, 800.0));

        assertThat(judgement.passed()).isFalse();
        assertThat(judgement.line()).contains("no successful sample to take a p99 latency from");
    }

    private static ProbeVerdict.Figures figures(double pct, long failures, long outages, Outage longest, Double p99) {
        return new ProbeVerdict.Figures("app-http", 10_000, failures, pct, outages, longest, p99);
    }
}
