package vigil.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.report.SampleRuns.failed;
import static vigil.report.SampleRuns.failedSmokeRun;
import static vigil.report.SampleRuns.passed;

class ConsoleProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T10:00:00Z"));

    @Test
    void nonInteractivePrintsOneLinePerFinishedScenario() {
        ConsoleProgress progress = new ConsoleProgress(out, false, clock);

        progress.scenarioStarted(Suite.SMOKE, "The API answers");
        clock.advance(Duration.ofSeconds(12));
        progress.scenarioFinished(passed(Suite.SMOKE, "API", "The API answers", 1200));
        clock.advance(Duration.ofSeconds(63));
        progress.scenarioFinished(failed(Suite.ACCEPTANCE, "Apps", "Push the app", 3400,
                "expected status 200 but was 502\n\tat vigil.steps.AppSteps.push(AppSteps.java:42)"));

        assertThat(output()).isEqualTo("""
                [00:12] PASSED  smoke        The API answers (1.2 s)
                [01:15] FAILED  acceptance   Push the app (3.4 s) - expected status 200 but was 502
                """);
    }

    @Test
    void finishPrintsTableVerdictAndReportPath() {
        ConsoleProgress progress = new ConsoleProgress(out, false, clock);

        progress.finish(failedSmokeRun(), Path.of("reports/allure-report/index.html"));

        assertThat(output()).isEqualTo("""

                suite          passed  failed  skipped  scenario time
                smoke               1       1        0          4.6 s
                acceptance          1       0        1          2.5 s
                wall time: 2m 30s

                verdict: FAILED (exit code 1)
                HTML report: reports/allure-report/index.html
                """);
    }

    @Test
    void finishNamesTheErrorAndAMissingReport() {
        RunReport run = new RunReport("r1", clock.instant(), clock.instant(), Set.of(Suite.SMOKE), List.of(),
                Verdict.ERROR, 3, "target unreachable: https://api.example.com\nConnection refused");
        ConsoleProgress progress = new ConsoleProgress(out, false, clock);

        progress.finish(run, null);

        assertThat(output()).contains("verdict: ERROR (exit code 3)\n",
                "no scenario ran: target unreachable: https://api.example.com\n", "HTML report: not written\n")
                .as("no table of zeros when nothing ran").doesNotContain("passed  failed");
    }

    @Test
    void interactiveRedrawsOneStatusLineAtMostEveryQuarterSecond() {
        ConsoleProgress progress = new ConsoleProgress(out, true, clock);

        progress.scenarioStarted(Suite.SMOKE, "a");
        progress.scenarioStarted(Suite.SMOKE, "b"); // within the interval: not drawn
        clock.advance(Duration.ofSeconds(65));
        progress.scenarioFinished(passed(Suite.SMOKE, "F", "a", 100));

        assertThat(output()).isEqualTo(
                "\r[00:00] running 1  passed 0  failed 0  skipped 0"
                        + "\r[01:05] running 1  passed 1  failed 0  skipped 0");
    }

    @Test
    void interactiveRefreshKeepsTheElapsedTimeMovingWithoutEvents() {
        ConsoleProgress progress = new ConsoleProgress(out, true, clock);
        progress.scenarioStarted(Suite.AVAILABILITY, "Deploy without downtime");
        clock.advance(Duration.ofMinutes(61));

        progress.refresh();

        assertThat(output()).endsWith("\r[1:01:00] running 1  passed 0  failed 0  skipped 0");
    }

    @Test
    void interactivePrintsFailuresAboveTheStatusLine() {
        ConsoleProgress progress = new ConsoleProgress(out, true, clock);
        progress.scenarioStarted(Suite.SMOKE, "a");
        String status = "[00:00] running 1  passed 0  failed 0  skipped 0";

        progress.scenarioFinished(failed(Suite.SMOKE, "F", "a", 100, "boom"));

        assertThat(output()).isEqualTo("\r" + status + "\r" + " ".repeat(status.length()) + "\r"
                + "[00:00] FAILED  smoke        a (0.1 s) - boom\n"
                + "\r[00:00] running 0  passed 0  failed 1  skipped 0");
    }

    @Test
    void interactiveClearsTheStatusLineBeforeTheTable() {
        ConsoleProgress progress = new ConsoleProgress(out, true, clock);
        progress.scenarioStarted(Suite.SMOKE, "a");

        progress.finish(failedSmokeRun(), Path.of("index.html"));

        String status = "[00:00] running 1  passed 0  failed 0  skipped 0";
        assertThat(output()).startsWith("\r" + status + "\r" + " ".repeat(status.length()) + "\r\nsuite ");
    }

    @Test
    void countsEveryScenarioFinishedFromManyThreads() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(out, false, clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String name = "scenario " + i;
            done.add(pool.submit(() -> {
                progress.scenarioStarted(Suite.ACCEPTANCE, name);
                progress.scenarioFinished(passed(Suite.ACCEPTANCE, "F", name, 5));
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(output().lines()).hasSize(400).allMatch(line -> line.matches("\\[00:00] PASSED  acceptance   scenario \\d+ \\(0\\.0 s\\)"));
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
