package vigil.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.report.SampleRuns.failedSmokeRun;

class SummaryWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesSchemaVerdictAndAllThreeSuiteKeys() throws IOException {
        Path file = new SummaryWriter().write(dir.resolve("summary.json"), failedSmokeRun());

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("schema").asText()).isEqualTo("vigil.summary/v1");
        assertThat(json.get("run_id").asText()).isEqualTo("r1a2b3");
        assertThat(json.get("verdict").asText()).isEqualTo("failed");
        assertThat(json.get("exit_code").asInt()).isEqualTo(1);
        assertThat(json.get("error").isNull()).isTrue();
        assertThat(json.get("started").asText()).isEqualTo("2025-05-01T10:00:00Z");
        assertThat(json.get("finished").asText()).isEqualTo("2025-05-01T10:02:30.250Z");
        assertThat(json.get("duration_s").asDouble()).isEqualTo(150.25);
        assertThat(json.get("suites").fieldNames()).toIterable()
                .containsExactly("smoke", "acceptance", "availability");
        JsonNode smoke = json.get("suites").get("smoke");
        assertThat(smoke.get("selected").asBoolean()).isTrue();
        assertThat(smoke.get("passed").asInt()).isEqualTo(1);
        assertThat(smoke.get("failed").asInt()).isEqualTo(1);
        assertThat(smoke.get("skipped").asInt()).isZero();
        assertThat(smoke.get("flaky").asInt()).isZero();
        assertThat(smoke.get("duration_s").asDouble()).isEqualTo(4.6);
        assertThat(json.get("suites").get("availability").get("selected").asBoolean()).isFalse();
        JsonNode scenario = json.get("scenarios").get(1);
        assertThat(scenario.get("suite").asText()).isEqualTo("smoke");
        assertThat(scenario.get("status").asText()).isEqualTo("failed");
        assertThat(scenario.get("duration_s").asDouble()).isEqualTo(3.4);
        assertThat(scenario.get("error").asText()).startsWith("expected status 200 but was 502");
        assertThat(scenario.get("start").asText()).as("when it started").isEqualTo("2025-05-01T10:00:01Z");
        assertThat(scenario.get("end").asText()).as("when it ended").isEqualTo("2025-05-01T10:00:04.400Z");
        assertThat(json.get("availability").isArray()).isTrue();
        assertThat(json.get("availability")).isEmpty();
        assertThat(json.get("during").isNull()).isTrue();
        assertThat(json.get("left_behind").isArray()).as("left_behind, present when empty").isTrue();
        assertThat(json.get("left_behind")).isEmpty();
        assertThat(Files.readString(file)).as("pretty-printed").contains("\n  \"verdict\" : \"failed\"");
    }

    @Test
    void summaryReadsBackAsWritten() throws IOException {
        RunReport run = failedSmokeRun();
        AvailabilityResult probe = new AvailabilityResult("app-http", "http://app.example.com/", 1000, 7, 99.3, 3.5,
                List.of(new AvailabilityResult.Outage(Instant.parse("2025-05-01T10:01:00Z"),
                        Instant.parse("2025-05-01T10:01:03.500Z"), 3.5, Map.of("http_502", 7L))),
                new AvailabilityResult.Latency(12, 80.5, 230), new Thresholds(99.5, 10.0, null, null), false);
        DuringResult during = new DuringResult("bosh -d cf deploy cf.yml", 0,
                Instant.parse("2025-05-01T10:00:05Z"), Instant.parse("2025-05-01T10:02:00Z"));
        RunReport withProbe = new RunReport(run.runId(), run.started(), run.finished(), run.suites(), run.scenarios(),
                run.verdict(), run.exitCode(), "boom", List.of(probe), during);

        Path file = new SummaryWriter().write(dir.resolve("summary.json"), withProbe);
        Summary read = new SummaryReader().read(file);

        assertThat(read).isEqualTo(SummaryWriter.summarize(withProbe));
        assertThat(read.schema()).isEqualTo(Summary.SCHEMA);
        assertThat(read.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(read.error()).isEqualTo("boom");
        assertThat(read.suites().of(Suite.SMOKE).failed()).isEqualTo(1);
        assertThat(read.suites().of(Suite.AVAILABILITY).selected()).isFalse();
        assertThat(read.availability()).containsExactly(probe);
        assertThat(read.during()).isEqualTo(during);
        assertThat(Files.readString(file)).contains("\"max_failures\" : null", "\"availability_pct\" : 99.3",
                "\"http_502\" : 7", "\"p99\" : 80.5");
    }

    @Test
    void whatTheRunCouldNotRemoveIsListedAndReadsBack() throws IOException {
        RunReport run = failedSmokeRun();
        String org = "organization vigil-r1a2b3-org-1: DELETE /v3/organizations/...: 401 CF-InvalidAuthToken (1000)";
        RunReport leftSome = new RunReport(run.runId(), run.started(), run.finished(), run.suites(), run.scenarios(),
                run.verdict(), run.exitCode(), run.error(), run.availability(), run.during(), run.shard(), List.of(org));

        Path file = new SummaryWriter().write(dir.resolve("summary.json"), leftSome);

        assertThat(new ObjectMapper().readTree(file.toFile()).get("left_behind")).extracting(JsonNode::asText)
                .containsExactly(org);
        assertThat(new SummaryReader().read(file).leftBehind()).containsExactly(org);
    }

    @Test
    void replacesAnEarlierSummaryAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("summary.json");
        Files.writeString(file, "old");

        new SummaryWriter().write(file, failedSmokeRun());

        assertThat(Files.readString(file)).contains("vigil.summary/v1");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
