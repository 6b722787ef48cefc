package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil gate} re-judges a summary written by a run. */
class GateCommandTest {
    @TempDir
    Path dir;

    @Test
    void failedSummaryFailsTheGateAndSaysWhy() throws IOException {
        Path summary = summary("failed", 1, "failed");

        CommandLineRun gate = CommandLineRun.of("gate", "--summary", summary.toString());

        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(gate.out()).contains("smoke").contains("Push the app");
    }

    @Test
    void passedSummaryPassesTheGate() throws IOException {
        Path summary = summary("passed", 0, "passed");

        CommandLineRun gate = CommandLineRun.of("gate", "--summary", summary.toString());

        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(ExitCode.PASSED);
    }

    @Test
    void allowingOneFailureLetsTheFailedSummaryPass() throws IOException {
        Path summary = summary("failed", 1, "failed");

        CommandLineRun gate = CommandLineRun.of("gate", "--summary", summary.toString(), "--max-failed", "1");

        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(ExitCode.PASSED);
    }

    @Test
    void missingSummaryIsAUsageErrorNamingIt() {
        CommandLineRun gate = CommandLineRun.of("gate", "--summary", dir.resolve("nope.json").toString());

        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(gate.err()).contains("nope.json");
    }

    @Test
    void availabilityThresholdOutOfRangeIsAUsageError() throws IOException {
        CommandLineRun gate = CommandLineRun.of("gate", "--summary", summary("passed", 0, "passed").toString(),
                "--min-availability", "120");

        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(gate.err()).contains("--min-availability");
    }

    private Path summary(String verdict, int exitCode, String scenarioStatus) throws IOException {
        int failed = scenarioStatus.equals("failed") ? 1 : 0;
        String suite = "{\"selected\":true,\"passed\":" + (1 - failed) + ",\"failed\":" + failed
                + ",\"skipped\":0,\"flaky\":0,\"duration_s\":1.5}";
        String empty = "{\"selected\":false,\"passed\":0,\"failed\":0,\"skipped\":0,\"flaky\":0,\"duration_s\":0}";
        String json = "{\"schema\":\"vigil.summary/v1\",\"run_id\":\"abc123\",\"verdict\":\"" + verdict + "\","
                + "\"exit_code\":" + exitCode + ",\"error\":null,\"started\":\"2026-11-26T05:00:00Z\","
                + "\"finished\":\"2026-11-26T05:00:02Z\",\"duration_s\":2.0,"
                + "\"suites\":{\"smoke\":" + suite + ",\"acceptance\":" + empty + ",\"availability\":" + empty + "},"
                + "\"scenarios\":[{\"suite\":\"smoke\",\"feature\":\"Push\",\"name\":\"Push the app\",\"status\":\""
                + scenarioStatus + "\",\"duration_s\":1.5,\"error\":" + (failed == 1 ? "\"boom\"" : "null") + "}],"
                + "\"availability\":[],\"during\":null}";
        Path file = dir.resolve("summary-" + verdict + ".json");
        Files.writeString(file, json);
        return file;
    }
}
