package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vigil.availability.ProbeCounts;
import vigil.report.AvailabilityResult;
import vigil.report.Thresholds;

/** What /metrics says after runs that pass and fail, and probes counted over finished windows and the live one. */
class WatchMetricsTest {
    private static final Instant T = Instant.parse("2025-05-01T12:00:00Z");

    @Test
    void countsFailedRunsAndKeepsTheLastSuccess() {
        WatchMetrics metrics = new WatchMetrics(Duration.ofMinutes(5));
        assertThat(metrics.render()).contains("vigil_runs_total 0\n", "vigil_watch_interval_seconds 300\n")
                .doesNotContain("vigil_last_success_timestamp_seconds 1");

        metrics.runEnded(T, T.plusSeconds(30), ExitCode.PASSED, null);
        metrics.runEnded(T.plusSeconds(300), T.plusSeconds(340), ExitCode.FAILED, null);

        assertThat(metrics.render()).contains("vigil_runs_total 2\n", "vigil_run_failures_total 1\n",
                "vigil_last_success_timestamp_seconds " + T.plusSeconds(30).getEpochSecond() + "\n",
                "vigil_last_run_timestamp_seconds " + T.plusSeconds(340).getEpochSecond() + "\n",
                "vigil_last_run_duration_seconds 40\n", "vigil_last_run_exit_code 1\n");
    }

    @Test
    void addsTheLiveWindowToTheFinishedOnes() {
        WatchMetrics metrics = new WatchMetrics(Duration.ofMinutes(1));
        metrics.windowEnded(List.of(new AvailabilityResult("app", "http://app/", 600, 6, 99.0, 1.5, List.of(), null,
                Thresholds.NONE, true, "app: passed", 1L, List.of(), 0L, null, null, 0L, null, null, null, "reused",
                4L, 1L, null)));
        metrics.windowStarted(() -> List.of(new ProbeCounts("app", null, "reused", 400, 0, 2, 0.2)));

        assertThat(metrics.render()).contains("vigil_probe_samples_total{probe=\"app\",source=\"watch\"} 1000\n",
                "vigil_probe_failures_total{probe=\"app\",source=\"watch\"} 6\n",
                "vigil_probe_inconclusive_total{probe=\"app\",source=\"watch\"} 6\n",
                "vigil_probe_availability_ratio{probe=\"app\",source=\"watch\"} 0.994\n",
                "vigil_probe_longest_outage_seconds{probe=\"app\",source=\"watch\"} 1.5\n");
    }
}
