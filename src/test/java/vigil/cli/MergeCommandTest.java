package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code vigil run --shard} and {@code vigil merge} end to end, in process, against the embedded CF. */
class MergeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theMergedShardsOfARunReportWhatTheUnshardedRunReports() throws Exception {
        // Two scenarios, one failing: one lands on each shard.
        String features = Paths.get(getClass().getResource("/features-failing").toURI()).toString();
        Path whole = dir.resolve("whole");
        Path first = dir.resolve("shard-1");
        Path second = dir.resolve("shard-2");
        Path merged = dir.resolve("merged");

        CommandLineRun unsharded = CommandLineRun.of("run", "--sim", "--features", features, "--reports", whole.toString());
        // As the pipeline runs its parts: without their own HTML, which the merge makes from their Allure results.
        CommandLineRun one = CommandLineRun.of("run", "--sim", "--features", features, "--shard", "1/2", "--no-html",
                "--reports", first.toString());
        CommandLineRun two = CommandLineRun.of("run", "--sim", "--features", features, "--shard", "2/2", "--no-html",
                "--reports", second.toString());
        CommandLineRun merge = CommandLineRun.of("merge", first.toString(), second.toString(),
                "--reports", merged.toString());

        assertThat(List.of(one.exitCode(), two.exitCode())).as(one + "\n" + two)
                .containsExactlyInAnyOrder(ExitCode.PASSED, ExitCode.FAILED);
        assertThat(read(first).path("shard").path("index").asInt()).isEqualTo(1);
        assertThat(read(second).path("shard").path("count").asInt()).isEqualTo(2);
        assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(unsharded.exitCode()).isEqualTo(ExitCode.FAILED);
        JsonNode expected = read(whole);
        JsonNode actual = read(merged);
        assertThat(actual.path("verdict").asText()).isEqualTo(expected.path("verdict").asText()).isEqualTo("failed");
        assertThat(actual.path("exit_code").asInt()).isEqualTo(1);
        for (String suite : List.of("smoke", "acceptance", "availability")) {
            for (String count : List.of("selected", "passed", "failed", "skipped", "flaky")) {
                assertThat(actual.path("suites").path(suite).path(count))
                        .as("suites.%s.%s", suite, count).isEqualTo(expected.path("suites").path(suite).path(count));
            }
        }
        assertThat(scenarios(actual)).containsExactlyInAnyOrderElementsOf(scenarios(expected)).hasSize(2);
        // Each scenario keeps the time its part ran it.
        List<String> partTimes = new ArrayList<>(times(read(first)));
        partTimes.addAll(times(read(second)));
        assertThat(times(actual)).containsExactlyInAnyOrderElementsOf(partTimes).allMatch(t -> !t.contains("null"));
        assertThat(actual.path("shard").isNull()).isTrue();
        assertThat(actual.path("run_id").asText()).isEqualTo(read(first).path("run_id").asText() + "+"
                + read(second).path("run_id").asText());

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(merged.resolve("junit/smoke.xml").toFile());
        assertThat(junit.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(merged.resolve("allure-report/index.html")).isRegularFile();
        assertThat(merge.out()).contains("verdict: FAILED (exit code 1)").contains("shard 1/2").contains("shard 2/2");

        CommandLineRun gate = CommandLineRun.of("gate", "--summary", merged.resolve("summary.json").toString());
        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(gate.out()).contains("The platform is newer than it is");
    }

    private static JsonNode read(Path reports) throws Exception {
        return JSON.readTree(reports.resolve("summary.json").toFile());
    }

    private static List<String> times(JsonNode summary) {
        List<String> times = new ArrayList<>();
        summary.path("scenarios").forEach(s -> times.add(s.path("name").asText() + "|" + s.path("start").asText(null)
                + "|" + s.path("end").asText(null)));
        return times;
    }

    private static List<String> scenarios(JsonNode summary) {
        List<String> scenarios = new ArrayList<>();
        summary.path("scenarios").forEach(s -> scenarios.add(s.path("suite").asText() + "|" + s.path("feature").asText()
                + "|" + s.path("name").asText() + "|" + s.path("status").asText()));
        return scenarios;
    }
}
