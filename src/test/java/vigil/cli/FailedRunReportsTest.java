package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;

/**
 * What a newcomer's failed runs leave: each command's reports are its own and complete, a run that could not
 * start says why (and keeps the last good report), and a missing target or an unusable reports folder is a usage
 * error that says what to do.
 */
class FailedRunReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRunAgainstAStoppedSimSaysSoWritesItsOwnSummaryAndKeepsTheLastGoodReport() throws Exception {
        Path config = dir.resolve("sim.yml");
        int port;
        try (Sim sim = Sim.start(SimOptions.defaults().withCells(1))) {
            sim.writeConfig(config);
            port = sim.apiUrl().getPort();
        }
        Path reports = dir.resolve("reports");
        previousGoodRun(reports);

        CommandLineRun run = CommandLineRun.of("run", "--config", config.toString(), "--suites", "smoke",
                "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SETUP_FAILED);
        String why = "the embedded CF at http://127.0.0.1:" + port + " is not running";
        assertThat(run.err()).as(run.toString()).contains(why, "make sim", "vigil sim --write-config");
        assertThat(run.out()).as("the reason, not a table of zeros").contains("no scenario ran: " + why)
                .doesNotContain("passed  failed").contains("kept in " + reports.resolve("previous"));
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("verdict").asText()).as("the gate reads this run, not the last good one")
                .isEqualTo("error");
        assertThat(summary.path("error").asText()).contains(why);
        assertThat(names(reports)).as("no file of the earlier run is mixed in")
                .containsExactlyInAnyOrder("summary.json", "junit", "previous");
        assertThat(reports.resolve("previous/allure-report/index.html")).hasContent("the good report");
        assertThat(reports.resolve("previous/summary.json")).content().contains("passed");
    }

    @Test
    void aRunWithoutTargetSaysToGiveSimOrConfig() {
        CommandLineRun run = CommandLineRun.of(Map.of(), "run", "--reports", dir.resolve("reports").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no target", "--sim", "--config FILE", "CF_API");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void aReportsFolderThatCannotBeMadeIsAUsageErrorWithTheOperatingSystemsReason() {
        CommandLineRun run = CommandLineRun.of("run", "--sim", "--reports", "/proc/vigil-forbidden");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--reports", "/proc/vigil-forbidden", "No such file or directory")
                .doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("PASSED");
    }

    @Test
    void monitorReplacesAnEarlierRunsReportsWhole() throws Exception {
        Path reports = dir.resolve("reports");
        previousGoodRun(reports);
        Files.writeString(reports.resolve("README.md"), "not Vigil's");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            CommandLineRun run = CommandLineRun.of("monitor", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                    "--duration", "1s", "--reports", reports.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
        } finally {
            server.stop(0);
        }
        assertThat(names(reports)).containsExactlyInAnyOrder("summary.json", "availability", "README.md");
        assertThat(reports.resolve("summary.json")).content().doesNotContain("the earlier run");
    }

    /** What a passed run leaves: a summary, JUnit, Cucumber and Allure reports. */
    private static void previousGoodRun(Path reports) throws IOException {
        Files.createDirectories(reports.resolve("allure-report"));
        Files.createDirectories(reports.resolve("junit"));
        Files.createDirectories(reports.resolve("cucumber"));
        Files.writeString(reports.resolve("summary.json"), "{\"verdict\":\"passed\",\"run_id\":\"the earlier run\"}");
        Files.writeString(reports.resolve("allure-report/index.html"), "the good report");
        Files.writeString(reports.resolve("junit/acceptance.xml"), "<testsuite/>");
        Files.writeString(reports.resolve("cucumber/report.json"), "[]");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(path -> path.getFileName().toString()).toList();
        }
    }
}
