package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.availability.Samples.at;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vigil.report.AvailabilityResult;
import vigil.report.Thresholds;

class ProbeTallyTest {
    private static final ProbeSpec SPEC = new ProbeSpec("app-http", "http://app.example.com/", 10,
            Duration.ofSeconds(1));
    private final DeployWindow deploy = new DeployWindow();

    @Test
    void countsSamplesFailuresOutagesAndAvailability() {
        ProbeTally tally = tally(ProbeLimits.of(new Thresholds(99.0, null, null, null)));
        for (long seq = 0; seq < 100; seq++) {
            tally.accept(seq >= 40 && seq < 43 ? Samples.failed(seq, "http_502") : Samples.ok(seq));
        }

        AvailabilityResult result = tally.finish();

        assertThat(result.samples()).isEqualTo(100);
        assertThat(result.failures()).isEqualTo(3);
        assertThat(result.availabilityPct()).isEqualTo(97.0);
        assertThat(result.outageCount()).isEqualTo(1);
        assertThat(result.longestOutageS()).isEqualTo(0.3);
        assertThat(result.latency().p50()).isEqualTo(5.0);
        assertThat(result.passed()).isFalse();
        assertThat(result.verdict()).isEqualTo("app-http: 97.00% < 99.00% (1 outage, longest 0.30 s at 12:00:04Z)");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void knownErrorsCountAsWarningsNotFailures() {
        ProbeTally tally = tally(new ProbeLimits(new Thresholds(100.0, null, 0L, null),
                List.of(Pattern.compile("^http_502$"))));
        for (long seq = 0; seq < 50; seq++) {
            tally.accept(seq % 10 == 5 ? Samples.failed(seq, "http_502") : Samples.ok(seq));
        }

        AvailabilityResult result = tally.finish();

        assertThat(result.failures()).isZero();
        assertThat(result.outageCount()).isZero();
        assertThat(result.passed()).isTrue();
        assertThat(result.warnings()).containsExactly(
                "5 samples failed with a known error, counted as warnings (http_502: 5)");
    }

    @Test
    void aKnownErrorNeitherOpensNorEndsAnOutage() {
        ProbeTally tally = tally(new ProbeLimits(Thresholds.NONE, List.of(Pattern.compile("502"))));
        tally.accept(Samples.ok(0));
        tally.accept(Samples.failed(1, "timeout"));
        tally.accept(Samples.failed(2, "http_502"));
        tally.accept(Samples.failed(3, "timeout"));
        tally.accept(Samples.ok(4));

        AvailabilityResult result = tally.finish();

        assertThat(result.outageCount()).isEqualTo(1);
        assertThat(result.outages().get(0).durationS()).isEqualTo(0.3);
        assertThat(result.outages().get(0).errorKinds()).containsEntry("timeout", 2L).doesNotContainKey("http_502");
    }

    @Test
    void warnsWhenNoInstanceChangedDuringTheDeploy() {
        ProbeTally tally = tally(ProbeLimits.NONE);
        tally.accept(Samples.ok(0, "a"));
        tally.accept(Samples.ok(1, "b"));
        deploy.markStart(at(2));
        tally.accept(Samples.ok(2, "a"));
        tally.accept(Samples.ok(3, "b"));
        deploy.markEnd(at(4));
        tally.accept(Samples.ok(4, "a"));
        tally.accept(Samples.ok(5, "b"));

        AvailabilityResult result = tally.finish();

        assertThat(result.warnings()).containsExactly(
                "no instance changed during the deploy: this run is no evidence of deploy availability");
        assertThat(result.instances().before()).containsExactly("a", "b");
        assertThat(result.instances().after()).containsExactly("a", "b");
    }

    @Test
    void replacedInstancesAreEvidenceOfTheDeploy() {
        ProbeTally tally = tally(ProbeLimits.NONE);
        tally.accept(Samples.ok(0, "a"));
        deploy.markStart(at(1));
        tally.accept(Samples.ok(1, "a"));
        tally.accept(Samples.ok(2, "c"));
        deploy.markEnd(at(3));
        tally.accept(Samples.ok(3, "c"));

        AvailabilityResult result = tally.finish();

        assertThat(result.warnings()).isEmpty();
        assertThat(result.instances().during()).containsExactly("a", "c");
    }

    @Test
    void churnIsNotJudgedWithoutADeployOrWithoutInstanceIds() {
        ProbeTally noDeploy = tally(ProbeLimits.NONE);
        noDeploy.accept(Samples.ok(0, "a"));
        assertThat(noDeploy.finish().warnings()).isEmpty();

        deploy.markStart(at(0));
        deploy.markEnd(at(1));
        ProbeTally noIds = tally(ProbeLimits.NONE);
        noIds.accept(Samples.ok(0));
        noIds.accept(Samples.ok(1));
        assertThat(noIds.finish().warnings()).isEmpty();
    }

    @Test
    void lateStartsAreTheInstrumentsOwnHealth() {
        ProbeTally tally = tally(ProbeLimits.NONE);
        for (long seq = 0; seq < 40; seq++) {
            tally.accept(seq % 5 == 0 ? Samples.late(seq, 30) : Samples.ok(seq));
        }

        AvailabilityResult result = tally.finish();

        assertThat(result.lateStarts()).isEqualTo(8);
        assertThat(result.scheduleLagMs().max()).isEqualTo(30.0, org.assertj.core.api.Assertions.within(0.1));
        assertThat(result.failures()).isZero();
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("the instrument started 8 of 40 samples more than 10 ms late");
    }

    @Test
    void failuresBeforeTheFirstSuccessAreWarmUp() {
        ProbeTally tally = tally(ProbeLimits.NONE);
        tally.accept(Samples.failed(0, "timeout"));
        tally.accept(Samples.failed(1, "timeout"));
        tally.accept(Samples.ok(2));
        tally.accept(Samples.ok(3));

        AvailabilityResult result = tally.finish();

        assertThat(result.samples()).isEqualTo(2);
        assertThat(result.failures()).isZero();
        assertThat(result.warnings()).containsExactly(
                "2 samples failed before the first success and are not counted (they are in the CSV)");
    }

    @Test
    void aProbeThatNeverSucceededIsOneLongOutage() {
        ProbeTally tally = tally(ProbeLimits.NONE);
        for (long seq = 0; seq < 10; seq++) {
            tally.accept(Samples.failed(seq, "connection_refused"));
        }

        AvailabilityResult result = tally.finish();

        assertThat(result.samples()).isEqualTo(10);
        assertThat(result.failures()).isEqualTo(10);
        assertThat(result.availabilityPct()).isZero();
        assertThat(result.longestOutageS()).isEqualTo(1.0);
        assertThat(result.outages().get(0).errorKinds()).containsEntry("connection_refused", 10L);
    }

    private ProbeTally tally(ProbeLimits limits) {
        return new ProbeTally(SPEC, limits, deploy, Measurement.DEFAULT_LATE_START, Samples.T0);
    }
}
