package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;
import vigil.sim.SimStatus;

/**
 * The CF goes away in the middle of a run and a new one comes up on the same ports: the embedded CF is stopped
 * (every app instance with it) and started again, empty, with a new token signing key. A real CF keeps its state
 * over a restart; this one keeps nothing, like a platform rebuilt under the run. "Left behind" then means: anything
 * of the run in the CF that now serves (nothing may be), any process of the old one (its close stops them), and
 * what the run could not confirm removed, which it must name instead of hanging or failing silently.
 */
class SimRestartMidRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A failed connection (with its cause and the advice every one carries) or the old CF's token refused. */
    private static final Pattern WHAT_BROKE = Pattern.compile(
            "[A-Za-z]+Exception \\(.*\\)\\. Check that the api URL is right and the CF API is reachable|401 CF-InvalidAuthToken",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void aRunWhoseCfIsReplacedFailsNamingWhatBrokeWritesItsReportsAndNamesWhatItCouldNotRemove() throws Exception {
        String password = "Restart-" + UUID.randomUUID();
        Path config = dir.resolve("sim.yml");
        Path reports = dir.resolve("reports");
        Sim first = Sim.start(SimOptions.defaults().withAdminPassword(password));
        Sim second = null;
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            first.writeConfig(config);
            Future<CommandLineRun> running = runner.submit(() -> CommandLineRun.of("run", "--config", config.toString(),
                    "--suites", "smoke", "--parallel", "2", "--reports", reports.toString()));
            // The droplet holder and one pushed app: scenarios are under way.
            await("the run to have pushed an app").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> running.isDone() || SimStatus.count(first, "apps") >= 2);
            assertThat(running.isDone()).as("the run is still going").isFalse();

            SimOptions samePorts = SimOptions.defaults().withAdminPassword(password)
                    .withApiPort(first.apiUrl().getPort()).withUaaPort(first.uaaUrl().getPort())
                    .withRouterPort(Integer.parseInt(first.routerAddress().substring(first.routerAddress().lastIndexOf(':') + 1)));
            first.close();
            second = Sim.start(samePorts);

            CommandLineRun run = running.get(3, TimeUnit.MINUTES);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILED);
            JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
            assertThat(summary.path("verdict").asText()).isEqualTo("failed");
            // Each failure names what broke: the connection to the CF (refused, reset, or closed without an answer
            // when the CF went away mid-request; each carries the advice to check the API is reachable) or the
            // token the old CF had issued.
            assertThat(summary.path("scenarios")).as("scenarios in summary.json")
                    .anySatisfy(scenario -> assertThat(scenario.path("status").asText()).isEqualTo("failed"))
                    .allSatisfy(scenario -> assertThat(scenario.path("status").asText().equals("passed")
                            || WHAT_BROKE.matcher(scenario.path("error").asText()).find())
                            .as("%s", scenario).isTrue());
            // A nightly job reads what needs sweeping from the gate file, not from the console.
            assertThat(summary.path("left_behind")).as("left_behind in summary.json")
                    .anySatisfy(thing -> assertThat(thing.asText()).startsWith("organization vigil-"));
            assertThat(reports.resolve("junit/smoke.xml")).isRegularFile();
            assertThat(reports.resolve("allure-report/index.html")).isRegularFile();
            assertThat(run.err()).as(run.toString()).contains("could not remove organization vigil-")
                    .contains("vigil cleanup").doesNotContain(password).doesNotContain("\tat ");
            assertThat(SimStatus.counts(second)).as("the run's things in the CF now serving")
                    .isEqualTo(SimStatus.NOTHING);
        } finally {
            runner.shutdownNow();
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }
}
