package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;

/**
 * {@code vigil run --history DIR} carries Allure's history from one run to the next, so the second report's
 * trend shows both runs; a folder that cannot be written is refused before anything runs.
 */
class HistoryRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theSecondRunsReportShowsATrendOfTwoRuns() throws IOException {
        Path history = dir.resolve("nightly").resolve("history-dir"); // missing: the run creates it
        try (Sim sim = Sim.start(SimOptions.defaults())) {
            Path config = dir.resolve("sim.yml");
            sim.writeConfig(config);

            CommandLineRun first = run(config, dir.resolve("night-1"), history);
            assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.PASSED);
            assertThat(trend(history.resolve("history/history-trend.json"))).hasSize(1);

            CommandLineRun second = run(config, dir.resolve("night-2"), history);
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.PASSED);
        }
        JsonNode reportTrend = trend(dir.resolve("night-2/allure-report/history/history-trend.json"));
        assertThat(reportTrend).as("%s", reportTrend).hasSize(2);
        assertThat(reportTrend.get(0).path("data").path("passed").asInt()).isEqualTo(4);
        assertThat(reportTrend.get(1).path("data").path("passed").asInt()).isEqualTo(4);
        assertThat(trend(history.resolve("history/history-trend.json"))).hasSize(2);
        // history.json keeps each scenario's earlier results, which the report shows as its history tab.
        JsonNode perScenario = JSON.readTree(history.resolve("history/history.json").toFile());
        assertThat(perScenario.size()).isEqualTo(4);
        perScenario.forEach(scenario -> assertThat(scenario.path("items")).hasSize(2));
        assertThat(Files.readString(dir.resolve("night-2/allure-report/index.html"))).doesNotContain("googletagmanager");
    }

    @Test
    void anUnwritableHistoryFolderIsAUsageErrorBeforeAnythingRuns() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path reports = dir.resolve("reports");

        CommandLineRun run = CommandLineRun.of("run", "--sim", "--suites", "smoke", "--reports", reports.toString(),
                "--history", file.resolve("history").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--history").contains(file.resolve("history").toString())
                .contains("give a folder this user can write").doesNotContain("\tat ");
        assertThat(reports).doesNotExist();
    }

    @Test
    void historyWithoutTheHtmlReportIsAUsageErrorBeforeAnythingRuns() {
        Path reports = dir.resolve("reports");
        Path history = dir.resolve("history");

        CommandLineRun run = CommandLineRun.of("run", "--sim", "--suites", "smoke", "--reports", reports.toString(),
                "--history", history.toString(), "--no-html");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--history and --no-html exclude each other").doesNotContain("\tat ");
        assertThat(reports).doesNotExist();
        assertThat(history).doesNotExist();
    }

    private static CommandLineRun run(Path config, Path reports, Path history) {
        return CommandLineRun.of("run", "--config", config.toString(), "--suites", "smoke", "--tags", "@platform",
                "--reports", reports.toString(), "--history", history.toString());
    }

    private static JsonNode trend(Path file) throws IOException {
        assertThat(file).exists();
        return JSON.readTree(file.toFile());
    }
}
