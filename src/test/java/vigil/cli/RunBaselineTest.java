package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.config.LearningSettings;
import vigil.report.AvailabilityResult;
import vigil.report.DuringResult;
import vigil.report.RunReport;
import vigil.report.Suite;
import vigil.report.SummaryWriter;
import vigil.report.Thresholds;
import vigil.report.Verdict;

/** A run's probes judged beside (or, when configured, against) the outage their earlier runs allow. */
class RunBaselineTest {
    private static final Instant T = Instant.parse("2025-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void reportsTheAllowedOutageAndFailsOnlyWhenJudged() throws Exception {
        for (int i = 0; i < 5; i++) {
            earlier(i, 1.0 + i * 0.5); // longest outages 1.0 .. 3.0 s: p99 3.0 s, allowed max(8.0, 3.6) = 8.0 s
        }
        AvailabilityResult now = probe("app-http-7", 9.5);
        AvailabilityResult control = new AvailabilityResult("vigil-control-7", "loopback", 100, 0, 100, 0, List.of(),
                null, null, true, "ok", 0L, List.of(), 0L, null, null, 0L, null, null, AvailabilityResult.CONTROL, null,
                null, null, null);

        List<AvailabilityResult> reported = RunBaseline.read(dir, LearningSettings.defaults())
                .apply(List.of(now, control), "availability", "deploy.sh");
        assertThat(reported.get(0).passed()).isTrue();
        assertThat(reported.get(0).baseline().allowedOutageS()).isEqualTo(8.0);
        assertThat(reported.get(0).baseline().exceeded()).isTrue();
        assertThat(reported.get(0).baseline().kind()).isEqualTo("availability|app-http|deploy.sh");
        assertThat(reported.get(1).baseline()).as("the control has no baseline").isNull();

        LearningSettings judging = new LearningSettings(true, Duration.ofMillis(500), true, 5, 5, 1.2,
                LearningSettings.DEFAULT_KIND, true);
        AvailabilityResult judged = RunBaseline.read(dir, judging).apply(List.of(now), "availability", "deploy.sh").get(0);
        assertThat(judged.passed()).isFalse();
        assertThat(judged.verdict()).contains("baseline: longest outage 9.50 s > 8.00 s allowed by 5 earlier runs");
    }

    @Test
    void withFewerRunsThanNeededSaysSoAndKeepsTheVerdict() throws Exception {
        earlier(0, 1.0);
        List<AvailabilityResult> reported = RunBaseline.read(dir, LearningSettings.defaults())
                .apply(List.of(probe("app-http-1", 30)), "availability", "deploy.sh");
        assertThat(reported.get(0).passed()).isTrue();
        assertThat(reported.get(0).baseline().allowedOutageS()).isNull();
        assertThat(reported.get(0).baseline().note()).contains("1 earlier run of this kind, fewer than 5");
    }

    private void earlier(int n, double longestS) throws IOException {
        new SummaryWriter().write(dir.resolve("run-" + n).resolve("summary.json"), new RunReport("run-" + n, T,
                T.plusSeconds(60), Set.of(Suite.AVAILABILITY), List.of(), Verdict.PASSED, 0, null,
                List.of(probe("app-http-" + n, longestS)), new DuringResult("deploy.sh", 0, T, T)));
    }

    private static AvailabilityResult probe(String name, double longestS) {
        return new AvailabilityResult(name, "http://app/", 1000, 10, 99.0, longestS, List.of(), null, Thresholds.NONE,
                true, name + ": passed", 1L, List.of(), 0L, null, null, 0L);
    }
}
