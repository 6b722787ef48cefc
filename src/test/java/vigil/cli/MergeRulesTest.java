package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.report.AvailabilityResult;
import vigil.report.DuringResult;
import vigil.report.JunitXmlWriter;
import vigil.report.ReportLayout;
import vigil.report.RunReport;
import vigil.report.ScenarioResult;
import vigil.report.ScenarioStatus;
import vigil.report.Shard;
import vigil.report.Suite;
import vigil.report.SummaryWriter;
import vigil.report.Thresholds;
import vigil.report.Verdict;

/** The rules of {@code vigil merge}, on shard folders written by the report writers a run uses. */
class MergeRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant STARTED = Instant.parse("2026-11-26T08:00:00Z");
    private static final Set<Suite> SMOKE_AND_ACCEPTANCE = Set.of(Suite.SMOKE, Suite.ACCEPTANCE);

    @TempDir
    Path dir;

    @Test
    void aFailedShardAndAPassedOneMergeToAFailedRunWithSummedCounts() throws Exception {
        Path one = shard(1, 2, Verdict.FAILED, 1, List.of(passed(Suite.SMOKE, "a"), failed(Suite.SMOKE, "b")), null);
        Path two = shard(2, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "c"), passed(Suite.ACCEPTANCE, "d")), null);

        CommandLineRun merge = merge(one, two);

        assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(ExitCode.FAILED);
        JsonNode summary = summary();
        assertThat(summary.path("verdict").asText()).isEqualTo("failed");
        assertThat(summary.path("suites").path("smoke").path("passed").asInt()).isEqualTo(2);
        assertThat(summary.path("suites").path("smoke").path("failed").asInt()).isEqualTo(1);
        assertThat(summary.path("suites").path("acceptance").path("passed").asInt()).isEqualTo(1);
        assertThat(summary.path("suites").path("availability").path("selected").asBoolean()).isFalse();
        assertThat(summary.path("scenarios")).hasSize(4);
        assertThat(summary.path("started").asText()).isEqualTo("2026-11-26T08:00:01Z");
        assertThat(summary.path("finished").asText()).isEqualTo("2026-11-26T08:02:00Z");
        assertThat(merged().resolve("junit/smoke.xml")).content().contains("tests=\"3\"").contains("failures=\"1\"");
        assertThat(merged().resolve("junit/acceptance.xml")).content().contains("tests=\"1\"");
    }

    @Test
    void rerunScenariosKeepTheirAttemptsAndTimesWhenMerged() throws Exception {
        Instant start = STARTED.plusSeconds(5);
        ScenarioResult flaky = new ScenarioResult(Suite.SMOKE, "Feature smoke", "f", ScenarioStatus.FLAKY,
                Duration.ofSeconds(9), "first", List.of("second"), start, start.plusSeconds(40));
        ScenarioResult failedThrice = new ScenarioResult(Suite.SMOKE, "Feature smoke", "g", ScenarioStatus.FAILED,
                Duration.ofSeconds(9), "first", List.of("second", "third"), start, start.plusSeconds(50));
        Path one = shard(1, 2, Verdict.FAILED, 1, List.of(flaky), null);
        Path two = shard(2, 2, Verdict.FAILED, 1, List.of(failedThrice), null);

        merge(one, two);

        JsonNode scenarios = summary().path("scenarios");
        assertThat(scenarios).extracting(s -> s.path("name").asText() + " " + s.path("status").asText() + " "
                + s.path("attempts").asInt() + " " + s.path("start").asText() + " " + s.path("end").asText())
                .containsExactlyInAnyOrder("f flaky 3 2026-11-26T08:00:05Z 2026-11-26T08:00:45Z",
                        "g failed 3 2026-11-26T08:00:05Z 2026-11-26T08:00:55Z");
    }

    @Test
    void passedShardsMergeToAPassedRun() throws Exception {
        Path one = shard(1, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "a")), null);
        Path two = shard(2, 2, Verdict.PASSED, 0, List.of(), null);

        CommandLineRun merge = merge(one, two);

        assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(summary().path("verdict").asText()).isEqualTo("passed");
    }

    @Test
    void whatEachShardLeftBehindIsListedInTheMergedSummary() throws Exception {
        Path one = write("shard-1", new RunReport("run1", STARTED, STARTED.plusSeconds(60), SMOKE_AND_ACCEPTANCE,
                List.of(failed(Suite.SMOKE, "a")), Verdict.FAILED, 1, null, List.of(), null, new Shard(1, 2),
                List.of("organization vigil-run1-org-1: 401 CF-InvalidAuthToken")));
        Path two = write("shard-2", new RunReport("run2", STARTED, STARTED.plusSeconds(60), SMOKE_AND_ACCEPTANCE,
                List.of(passed(Suite.SMOKE, "b")), Verdict.PASSED, 0, null, List.of(), null, new Shard(2, 2),
                List.of("app vigil-run2-app-3: connection refused")));

        CommandLineRun merge = merge(one, two);

        assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(summary().path("left_behind")).extracting(JsonNode::asText).containsExactly(
                "organization vigil-run1-org-1: 401 CF-InvalidAuthToken", "app vigil-run2-app-3: connection refused");
    }

    @Test
    void anAbortedShardMakesTheMergedRunAborted() throws Exception {
        Path one = shard(1, 2, Verdict.FAILED, 1, List.of(failed(Suite.SMOKE, "a")), null);
        Path two = shard(2, 2, Verdict.ABORTED, ExitCode.TERMINATED, List.of(passed(Suite.SMOKE, "b")), null);

        CommandLineRun merge = merge(one, two);

        assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(ExitCode.TERMINATED);
        JsonNode summary = summary();
        assertThat(summary.path("verdict").asText()).isEqualTo("aborted");
        assertThat(summary.path("error").asText()).contains(two.toString()).contains("shard 2/2");
    }

    @Test
    void aShardThatCouldNotRunMakesTheMergedRunAnError() throws Exception {
        Path one = shard(1, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "a")), null);
        Path two = shard(2, 2, Verdict.ERROR, ExitCode.SETUP_FAILED, List.of(), null);

        CommandLineRun merge = merge(one, two);

        assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(ExitCode.SETUP_FAILED);
        assertThat(summary().path("verdict").asText()).isEqualTo("error");
        assertThat(summary().path("error").asText()).contains("login refused");
    }

    @Test
    void aFailedDuringCommandOnTheAvailabilityShardEndsTheMergeWithFour() throws Exception {
        DuringResult during = new DuringResult("bosh -d cf deploy cf.yml", 1, STARTED, STARTED.plusSeconds(60));
        Path one = shard(1, 2, Verdict.FAILED, ExitCode.DURING_FAILED,
                List.of(passed(Suite.AVAILABILITY, "deploy")), during);
        Path two = shard(2, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "b")), null);

        CommandLineRun merge = merge(one, two);

        assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(ExitCode.DURING_FAILED);
        assertThat(summary().path("during").path("exit_code").asInt()).isEqualTo(1);
    }

    @Test
    void aBreachedProbeFailsTheMergeAndEveryProbeIsKept() throws Exception {
        AvailabilityResult breached = new AvailabilityResult("app-http", "http://app/", 600, 30, 95.0, 3.0,
                List.of(), new AvailabilityResult.Latency(5, 20, 40), new Thresholds(99.5, 2.0, null, null), false);
        Path one = write("shard-1", new RunReport("aaa111", STARTED, STARTED.plusSeconds(60),
                Set.of(Suite.AVAILABILITY), List.of(passed(Suite.AVAILABILITY, "deploy")), Verdict.FAILED, 1, null,
                List.of(breached), null, new Shard(1, 2)));
        Path two = shard(2, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "b")), null);

        CommandLineRun merge = merge(one, two);

        assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(summary().path("availability").path(0).path("name").asText()).isEqualTo("app-http");
    }

    @Test
    void aSelfCheckProbeKeepsItsMarkThroughTheMergeAndNoGateJudgesItsOutage() throws Exception {
        AvailabilityResult held = new AvailabilityResult("app-http-1", "http://app/", 600, 0, 100.0, 0.0,
                List.of(), new AvailabilityResult.Latency(5, 20, 40), new Thresholds(99.5, 2.0, null, null), true);
        AvailabilityResult selfCheck = new AvailabilityResult("app-http-4", "http://app/", 300, 84, 72.0, 8.4,
                List.of(), new AvailabilityResult.Latency(5, 20, 40), Thresholds.NONE, true,
                "app-http-4: 72.00% measured, not judged: self-check", 1L, List.of(), 0L, null, null, 0L, true,
                "self-check: a deploy without evacuation causes this outage on purpose");
        Path one = write("shard-1", new RunReport("aaa111", STARTED, STARTED.plusSeconds(60),
                Set.of(Suite.AVAILABILITY), List.of(passed(Suite.AVAILABILITY, "deploy without evacuation")),
                Verdict.PASSED, 0, null, List.of(held, selfCheck), null, new Shard(1, 2)));
        Path two = shard(2, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "b")), null);

        CommandLineRun merge = merge(one, two);

        assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(ExitCode.PASSED);
        JsonNode probe = summary().path("availability").path(1);
        assertThat(probe.path("name").asText()).isEqualTo("app-http-4");
        assertThat(probe.path("self_check").asBoolean()).isTrue();
        assertThat(probe.path("not_judged").asText()).startsWith("self-check: a deploy without evacuation");
        assertThat(summary().path("availability").path(0).has("self_check")).isFalse();

        Path mergedSummary = new ReportLayout(merged()).summaryJson();
        CommandLineRun strict = CommandLineRun.of("gate", "--summary", mergedSummary.toString(),
                "--min-availability", "99.9", "--max-outage", "1");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(strict.out()).contains("gate: app-http-4 is a self-check of the instrument, not judged");

        CommandLineRun stricter = CommandLineRun.of("gate", "--summary", mergedSummary.toString(),
                "--min-availability", "100.0", "--max-p99-latency-ms", "10");
        assertThat(stricter.exitCode()).as(stricter.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(stricter.out()).contains("app-http-1: p99 latency").doesNotContain("app-http-4:");
    }

    @Test
    void aMissingShardIsAUsageErrorAndNothingIsWritten() throws Exception {
        Path one = shard(1, 3, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "a")), null);
        Path three = shard(3, 3, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "c")), null);

        CommandLineRun merge = merge(one, three);

        assertThat(merge.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(merge.err()).contains("shard 2/3 missing").doesNotContain("Exception");
        assertThat(merged()).doesNotExist();
    }

    @Test
    void theSameShardTwiceIsAUsageError() throws Exception {
        Path one = shard(1, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "a")), null);

        CommandLineRun merge = merge(one, one);

        assertThat(merge.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(merge.err()).contains("the same run");
    }

    @Test
    void aCorruptSummaryIsAUsageErrorNamingTheFile() throws Exception {
        Path one = shard(1, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "a")), null);
        Path two = shard(2, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "b")), null);
        Files.writeString(two.resolve("summary.json"), "{\"schema\": \"vigil.summary/v1\", \"verdict\": ");

        CommandLineRun merge = merge(one, two);

        assertThat(merge.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(merge.err()).contains(two.resolve("summary.json").toString()).contains("not valid JSON")
                .doesNotContain("\tat ");
        assertThat(merged()).doesNotExist();
    }

    @Test
    void aMissingSummaryIsAUsageErrorNamingTheFile() throws Exception {
        Path one = shard(1, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "a")), null);
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CommandLineRun merge = merge(one, empty);

        assertThat(merge.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(merge.err()).contains(empty.resolve("summary.json").toString()).contains("no such file");
    }

    @Test
    void aCorruptJunitFileIsAUsageErrorNamingItAndNothingIsWritten() throws Exception {
        Path one = shard(1, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "a")), null);
        Path two = shard(2, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "b")), null);
        Path junit = two.resolve("junit/smoke.xml");
        Files.writeString(junit, Files.readString(junit).substring(0, 60));

        CommandLineRun merge = merge(one, two);

        assertThat(merge.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(merge.err()).contains(junit.toString()).contains("not valid XML");
        assertThat(merged().resolve("summary.json")).doesNotExist();
    }

    @Test
    void aJunitFileOfAnotherRunIsAUsageError() throws Exception {
        Path one = shard(1, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "a")), null);
        Path two = shard(2, 2, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "b"), passed(Suite.SMOKE, "c")), null);
        Files.copy(one.resolve("junit/smoke.xml"), two.resolve("junit/smoke.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CommandLineRun merge = merge(one, two);

        assertThat(merge.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(merge.err()).contains(two.resolve("junit/smoke.xml").toString()).contains("1 test cases")
                .contains("2 smoke scenarios");
    }

    @Test
    void theMergedReportsMustNotGoIntoAMergedFolder() throws Exception {
        Path one = shard(1, 1, Verdict.PASSED, 0, List.of(passed(Suite.SMOKE, "a")), null);

        CommandLineRun merge = CommandLineRun.of("merge", one.toString(), "--reports", one.toString());

        assertThat(merge.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(merge.err()).contains("--reports");
    }

    private CommandLineRun merge(Path... parts) {
        String[] args = new String[parts.length + 3];
        args[0] = "merge";
        for (int i = 0; i < parts.length; i++) {
            args[i + 1] = parts[i].toString();
        }
        args[parts.length + 1] = "--reports";
        args[parts.length + 2] = merged().toString();
        return CommandLineRun.of(args);
    }

    private Path merged() {
        return dir.resolve("merged");
    }

    private JsonNode summary() throws IOException {
        return JSON.readTree(new ReportLayout(merged()).summaryJson().toFile());
    }

    private Path shard(int index, int count, Verdict verdict, int exitCode, List<ScenarioResult> scenarios,
                       DuringResult during) throws IOException {
        Set<Suite> suites = during == null ? SMOKE_AND_ACCEPTANCE : Set.of(Suite.AVAILABILITY);
        String error = verdict == Verdict.ERROR ? "UAA refused the credentials: login refused" : null;
        return write("shard-" + index, new RunReport("run" + index, STARTED.plusSeconds(index),
                STARTED.plusSeconds(60L * index), suites, scenarios, verdict, exitCode, error, List.of(), during,
                new Shard(index, count)));
    }

    private Path write(String name, RunReport report) throws IOException {
        Path folder = dir.resolve(name);
        ReportLayout layout = new ReportLayout(folder);
        new SummaryWriter().write(layout.summaryJson(), report);
        new JunitXmlWriter().write(layout.junitDir(), report);
        return folder;
    }

    private static ScenarioResult passed(Suite suite, String name) {
        return new ScenarioResult(suite, "Feature " + suite.id(), name, ScenarioStatus.PASSED, Duration.ofSeconds(2),
                null);
    }

    private static ScenarioResult failed(Suite suite, String name) {
        return new ScenarioResult(suite, "Feature " + suite.id(), name, ScenarioStatus.FAILED, Duration.ofSeconds(3),
                "expected 200 but was 502");
    }
}
