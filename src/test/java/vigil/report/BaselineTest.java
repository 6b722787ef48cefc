package vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allowed outage learnt from earlier runs: the rule, the percentile, the fallback, and reading the runs. */
class BaselineTest {
    private static final BaselineRule RULE = new BaselineRule(5, 5, 1.2, "{suite}|{probe}|{during}", false);

    @TempDir
    Path dir;

    @Test
    void allowsTheLargerOfP99PlusMarginAndP99TimesFactor() {
        assertThat(RULE.allowed(2.0)).isEqualTo(7.0);
        assertThat(RULE.allowed(40.0)).isCloseTo(48.0, within(1e-9));
        assertThat(RULE.allowed(0)).isEqualTo(5.0);
        assertThat(RULE.describe()).isEqualTo("max(p99 + 5 s, p99 x 1.2)");
    }

    @Test
    void p99IsTheNearestRank() {
        assertThat(BaselineRule.p99(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList())).isEqualTo(99.0);
        assertThat(BaselineRule.p99(IntStream.rangeClosed(1, 200).mapToObj(i -> (double) i).toList())).isEqualTo(198.0);
        assertThat(BaselineRule.p99(List.of(3.0, 0.5, 1.0, 2.0, 0.0))).isEqualTo(3.0);
    }

    @Test
    void fewerRunsThanTheMinimumSaySoAndGiveNoLimit() {
        BaselineLimit limit = RULE.limit("k", List.of(1.0, 2.0, 3.0), 30.0);
        assertThat(limit.allowedOutageS()).isNull();
        assertThat(limit.exceeded()).isNull();
        assertThat(limit.runs()).isEqualTo(3);
        assertThat(limit.note()).contains("3 earlier runs of this kind, fewer than 5", "fixed thresholds alone apply");
    }

    @Test
    void enoughRunsGiveALimitThatAnOutageExceeds() {
        BaselineLimit limit = RULE.limit("k", List.of(0.5, 1.0, 1.5, 2.0, 3.0), 9.0);
        assertThat(limit.p99LongestOutageS()).isEqualTo(3.0);
        assertThat(limit.allowedOutageS()).isEqualTo(8.0);
        assertThat(limit.exceeded()).isTrue();
        assertThat(limit.judged()).isFalse();
        assertThat(limit.note()).contains("9.00 s > 8.00 s allowed by 5 earlier runs", "reported only");
    }

    @Test
    void theKindLeavesOutTheMeasurementNumber() {
        assertThat(RULE.kind("availability", "app-http-3", "deploy.sh")).isEqualTo("availability|app-http|deploy.sh");
        assertThat(RULE.kind("availability", "app-http-12-new-conn", "")).isEqualTo("availability|app-http-new-conn|");
        assertThat(RULE.kind("monitor", "app.example.com-8080", null)).isEqualTo("monitor|app.example.com-8080|");
    }

    @Test
    void readsEarlierRunsOfTheKindFromAFolderOfSummaries() throws IOException {
        double[] longest = {0.5, 1.0, 1.5, 2.0, 3.0};
        for (int i = 0; i < longest.length; i++) {
            write(dir.resolve("night-" + i).resolve("summary.json"), "run-" + i, "app-http-1", longest[i], "deploy.sh");
        }
        write(dir.resolve("other").resolve("summary.json"), "run-x", "app-http-1", 60, "other.sh");
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken").resolve("summary.json"), "{not json");
        write(dir.resolve("summaries").resolve("2025-kept-run-0.json"), "run-0", "app-http-1", 0.5, "deploy.sh");

        BaselineHistory history = BaselineHistory.read(dir, RULE);

        assertThat(history.runs()).isEqualTo(6); // run-0 once, however often it is kept
        assertThat(history.skipped()).hasSize(1).first().asString().contains("broken");
        assertThat(history.longestOutages("availability|app-http|deploy.sh")).containsExactlyInAnyOrder(0.5, 1.0, 1.5,
                2.0, 3.0);
        assertThat(history.longestOutages("availability|app-http|other.sh")).containsExactly(60.0);
        assertThat(BaselineHistory.read(dir.resolve("missing"), RULE).runs()).isZero();
    }

    private static void write(Path file, String runId, String probe, double longestS, String during)
            throws IOException {
        Files.createDirectories(file.getParent());
        Instant t = Instant.parse("2025-05-01T12:00:00Z");
        AvailabilityResult result = new AvailabilityResult(probe, "http://app/", 1000, 10, 99.0, longestS, List.of(),
                null, Thresholds.NONE, true);
        new SummaryWriter().write(file, new RunReport(runId, t, t.plusSeconds(60), Set.of(Suite.AVAILABILITY),
                List.of(), Verdict.PASSED, 0, null, List.of(result), new DuringResult(during, 0, t, t)));
    }
}
