package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;

/**
 * Reports that cannot be written, as on a full disk: the run still removes what it created, writes what it
 * can, and ends with an exit code and a message that say so. The failure is made by putting a folder where
 * summary.json goes once the run has started: an honest IOException from the same write a full disk breaks
 * (a tiny filesystem needs root to mount, and root ignores read-only permissions).
 */
class ReportsUnwritableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Sim sim;

    @BeforeEach
    void startSim() {
        try {
            sim = Sim.start(SimOptions.defaults().withCells(1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopSim() {
        sim.close();
    }

    @Test
    void aPassedRunWhoseSummaryCannotBeWrittenEndsWithThreeKeepsTheOtherReportsAndCleansUp() throws Exception {
        Path config = dir.resolve("sim.yml");
        sim.writeConfig(config);
        Path reports = dir.resolve("reports");
        Path features = Paths.get(getClass().getResource("/features-one-push").toURI());

        CompletableFuture<CommandLineRun> running = CompletableFuture.supplyAsync(() -> CommandLineRun.of("run",
                "--config", config.toString(), "--features", features.toString(), "--reports", reports.toString()));
        // The Allure results folder is made once the run is logged in and its org exists: the run is under way,
        // writing into its staging folder inside the reports folder.
        AtomicReference<Path> staging = new AtomicReference<>();
        await("the run to start writing into " + reports).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> running.isDone() || stagingWithAllureResults(reports).map(found -> {
                    staging.set(found);
                    return true;
                }).orElse(false));
        Files.createDirectories(staging.get().resolve("summary.json").resolve("in-the-way"));
        CommandLineRun run = running.get();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SETUP_FAILED);
        assertThat(run.err()).as(run.toString()).contains("could not write summary.json")
                .contains("the scenarios passed, but").doesNotContain("\tat ");
        assertThat(run.out()).as(run.toString()).contains("exit code 3");
        assertThat(reports.resolve("junit/smoke.xml")).as("what could be written is written").isRegularFile();
        assertThat(reports.resolve("cucumber/report.json")).isRegularFile();
        JsonNode left = JSON.readTree(CommandLineRun.of(Map.of(), "sim", "status", "--config", config.toString()).out());
        assertThat(left.path("organizations").asInt()).as("nothing the run created is left: " + left).isZero();
        assertThat(left.path("apps").asInt()).as("nothing the run created is left: " + left).isZero();
    }

    private static java.util.Optional<Path> stagingWithAllureResults(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return java.util.Optional.empty();
        }
        try (java.util.stream.Stream<Path> list = Files.list(reports)) {
            return list.filter(path -> path.getFileName().toString().startsWith(".vigil-run-"))
                    .filter(path -> Files.isDirectory(path.resolve("allure-results"))).findFirst();
        }
    }
}
