package vigil.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vigil.report.SampleRuns.FINISHED;
import static vigil.report.SampleRuns.STARTED;
import static vigil.report.SampleRuns.failed;
import static vigil.report.SampleRuns.failedSmokeRun;
import static vigil.report.SampleRuns.passed;

class GateJudgeTest {
    private static final GateJudge DEFAULT = new GateJudge(0, Thresholds.NONE);

    @Test
    void passedSummaryPasses() {
        GateDecision decision = DEFAULT.judge(summary(Verdict.PASSED, List.of(passed(Suite.SMOKE, "F", "a", 10)), List.of()));

        assertThat(decision.passed()).isTrue();
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void failedScenarioFailsNamingSuiteAndScenarios() {
        List<ScenarioResult> scenarios = List.of(failed(Suite.SMOKE, "Apps", "Push the app", 10, "502"),
                passed(Suite.SMOKE, "API", "The API answers", 10),
                failed(Suite.SMOKE, "Apps", "Scale", 10, "timeout"));

        GateDecision decision = DEFAULT.judge(summary(Verdict.FAILED, scenarios, List.of()));

        assertThat(decision.passed()).isFalse();
        assertThat(decision.reasons()).containsExactly("smoke: 2 scenarios failed (allowed 0): \"Push the app\", \"Scale\"");
    }

    @Test
    void maxFailedAllowsThatManyFailuresPerSuite() {
        List<ScenarioResult> scenarios = List.of(failed(Suite.SMOKE, "F", "a", 10, "x"),
                failed(Suite.ACCEPTANCE, "F", "b", 10, "x"), failed(Suite.ACCEPTANCE, "F", "c", 10, "x"));

        GateDecision decision = new GateJudge(1, Thresholds.NONE).judge(summary(Verdict.FAILED, scenarios, List.of()));

        assertThat(decision.reasons()).containsExactly("acceptance: 2 scenarios failed (allowed 1): \"b\", \"c\"");
    }

    @Test
    void longListsOfFailedScenariosAreCut() {
        List<ScenarioResult> scenarios = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> failed(Suite.ACCEPTANCE, "F", "s" + i, 10, "x")).toList();

        GateDecision decision = DEFAULT.judge(summary(Verdict.FAILED, scenarios, List.of()));

        assertThat(decision.reasons()).containsExactly(
                "acceptance: 7 scenarios failed (allowed 0): \"s1\", \"s2\", \"s3\", \"s4\", \"s5\" and 2 more");
    }

    @Test
    void errorVerdictFailsWithTheError() {
        Summary summary = summary(Verdict.ERROR, List.of(), List.of());
        Summary withError = new Summary(summary.schema(), summary.runId(), summary.verdict(), 3,
                "UAA at https://uaa.example.com refused the credentials\nmore detail", summary.started(),
                summary.finished(), summary.durationS(), summary.suites(), summary.scenarios(), summary.availability(),
                summary.during());

        assertThat(DEFAULT.judge(withError).reasons()).containsExactly(
                "the run ended with verdict error: UAA at https://uaa.example.com refused the credentials");
    }

    @Test
    void abortedVerdictFails() {
        GateDecision decision = DEFAULT.judge(summary(Verdict.ABORTED, List.of(passed(Suite.SMOKE, "F", "a", 10)), List.of()));

        assertThat(decision.passed()).isFalse();
        assertThat(decision.reasons()).containsExactly("the run ended with verdict aborted");
    }

    @Test
    void failedDuringCommandFails() {
        Summary summary = summary(Verdict.FAILED, List.of(), List.of());
        Summary withDuring = new Summary(summary.schema(), summary.runId(), summary.verdict(), 4, null, summary.started(),
                summary.finished(), summary.durationS(), summary.suites(), summary.scenarios(), summary.availability(),
                new DuringResult("bosh -d cf deploy cf.yml", 1, STARTED, FINISHED));

        assertThat(DEFAULT.judge(withDuring).reasons())
                .containsExactly("the --during command exited with 1: bosh -d cf deploy cf.yml");
    }

    @Test
    void availabilityBelowTheRunsOwnThresholdFails() {
        AvailabilityResult probe = probe(99.31, 2.0, 12, 300, new Thresholds(99.5, null, null, null), false);

        GateDecision decision = DEFAULT.judge(summary(Verdict.FAILED, List.of(), List.of(probe)));

        assertThat(decision.reasons()).containsExactly("app-http: availability 99.31% < 99.50%");
    }

    @Test
    void availabilityBreachingAnOverrideFails() {
        AvailabilityResult probe = probe(99.7, 4.5, 12, 650, new Thresholds(99.5, 10.0, 20L, 1000.0), true);
        Thresholds stricter = new Thresholds(99.9, 3.0, 10L, 500.0);

        GateDecision decision = new GateJudge(0, stricter).judge(summary(Verdict.PASSED, List.of(), List.of(probe)));

        assertThat(decision.passed()).isFalse();
        assertThat(decision.reasons()).containsExactly(
                "app-http: availability 99.70% < 99.90%",
                "app-http: longest outage 4.5 s > 3.0 s",
                "app-http: 12 failed samples > 10",
                "app-http: p99 latency 650 ms > 500 ms");
    }

    @Test
    void looserOverrideDoesNotLoosenTheRunsThresholds() {
        AvailabilityResult probe = probe(99.7, 4.5, 12, 650, new Thresholds(99.9, 3.0, 10L, 500.0), false);
        Thresholds looser = new Thresholds(90.0, 60.0, 1000L, 5000.0);

        GateDecision decision = new GateJudge(0, looser).judge(summary(Verdict.FAILED, List.of(), List.of(probe)));

        assertThat(decision.reasons()).containsExactly(
                "app-http: availability 99.70% < 99.90%",
                "app-http: longest outage 4.5 s > 3.0 s",
                "app-http: 12 failed samples > 10",
                "app-http: p99 latency 650 ms > 500 ms");
    }

    @Test
    void overrideAppliesToAProbeWithoutThresholds() {
        AvailabilityResult probe = probe(99.0, 1.0, 10, 100, Thresholds.NONE, true);

        GateDecision decision = new GateJudge(0, new Thresholds(99.5, null, null, null))
                .judge(summary(Verdict.PASSED, List.of(), List.of(probe)));

        assertThat(decision.reasons()).containsExactly("app-http: availability 99.00% < 99.50%");
    }

    @Test
    void probeWithinItsThresholdsPasses() {
        AvailabilityResult probe = probe(99.95, 1.0, 1, 100, new Thresholds(99.9, 5.0, 5L, 500.0), true);

        assertThat(DEFAULT.judge(summary(Verdict.PASSED, List.of(), List.of(probe))).passed()).isTrue();
    }

    @Test
    void figuresThatRoundAlikeGetMoreDecimals() {
        AvailabilityResult probe = probe(99.496, 0, 5, 100, new Thresholds(99.5, null, null, null), false);

        assertThat(DEFAULT.judge(summary(Verdict.FAILED, List.of(), List.of(probe))).reasons())
                .containsExactly("app-http: availability 99.496% < 99.500%");
    }

    @Test
    void probeTheRunFailedStaysFailedThoughItsFiguresHold() {
        AvailabilityResult probe = probe(100, 0, 0, 10, Thresholds.NONE, false);

        assertThat(DEFAULT.judge(summary(Verdict.FAILED, List.of(), List.of(probe))).reasons())
                .containsExactly("app-http: failed in the run");
    }

    @Test
    void rejectsNegativeMaxFailed() {
        assertThatThrownBy(() -> new GateJudge(-1, Thresholds.NONE)).hasMessageContaining("maxFailed");
    }

    @Test
    void rejectsAnAvailabilityThresholdAbove100() {
        assertThatThrownBy(() -> new Thresholds(101.0, null, null, null)).hasMessageContaining("min_availability_pct");
    }

    @Test
    void judgesASummaryReadFromItsFile(@TempDir Path dir) throws Exception {
        Path file = new SummaryWriter().write(dir.resolve("summary.json"), failedSmokeRun());

        GateDecision decision = DEFAULT.judge(new SummaryReader().read(file));

        assertThat(decision.reasons()).containsExactly("smoke: 1 scenario failed (allowed 0): \"Push the app\"");
    }

    @Test
    void flakyScenarioPassesTheGateUnlessToldToFailOnFlakes() {
        ScenarioResult flaky = new ScenarioResult(Suite.SMOKE, "Platform", "The API answers", ScenarioStatus.FLAKY,
                Duration.ofSeconds(2), "HTTP 500 from GET /v3/info", List.of());
        Summary summary = summary(Verdict.PASSED, List.of(flaky), List.of());

        GateDecision lenient = DEFAULT.judge(summary);
        GateDecision strict = new GateJudge(0, Thresholds.NONE, true).judge(summary);

        assertThat(lenient.passed()).isTrue();
        assertThat(strict.reasons()).containsExactly("smoke: 1 scenario is flaky, failed first and passed only on a"
                + " rerun (--fail-on-flaky): \"The API answers\" (passed on attempt 2)");
    }

    @Test
    void selfCheckProbesAreNeverJudgedAgainstThresholds() {
        AvailabilityResult selfCheck = new AvailabilityResult("app-http-4", "http://app.example.com/", 300, 84, 72.0,
                8.4, List.of(), new AvailabilityResult.Latency(20, 40, 80), Thresholds.NONE, true, null, 1L, List.of(),
                0L, null, null, 0L, true, "self-check: an outage caused on purpose");
        AvailabilityResult ordinary = probe(72.0, 8.4, 84, 40, Thresholds.NONE, true);
        GateJudge strict = new GateJudge(0, new Thresholds(99.9, 1.0, 0L, 10.0));

        assertThat(strict.judge(summary(Verdict.PASSED, List.of(), List.of(selfCheck))).passed()).isTrue();
        assertThat(strict.judge(summary(Verdict.PASSED, List.of(), List.of(selfCheck, ordinary))).reasons())
                .hasSize(4).allMatch(reason -> reason.startsWith("app-http: "));
    }

    private static AvailabilityResult probe(double pct, double longestOutageS, long failures, double p99,
                                            Thresholds thresholds, boolean passed) {
        return new AvailabilityResult("app-http", "http://app.example.com/", 2000, failures, pct, longestOutageS,
                List.of(), new AvailabilityResult.Latency(20, p99, p99 * 2), thresholds, passed);
    }

    private static Summary summary(Verdict verdict, List<ScenarioResult> scenarios, List<AvailabilityResult> probes) {
        RunReport run = new RunReport("r1", STARTED, FINISHED, Set.of(Suite.values()), scenarios, verdict,
                verdict == Verdict.PASSED ? 0 : 1, null, probes, null);
        return SummaryWriter.summarize(run);
    }
}
