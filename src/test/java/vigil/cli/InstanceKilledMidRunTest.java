package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;
import vigil.sim.SimStatus;

/**
 * App instances are killed (SIGKILL, from outside, as the OOM killer or a failing VM does) in the middle of a run,
 * just after they start. CF restarts a crashed instance; whether a push sees the crash depends on when it looks
 * (the cf CLI fails a push whose instances all crashed). So the run either passes through the recovery, or fails
 * only the scenarios whose app was seen crashing, each naming the app and the crash; either way it ends, with
 * its reports, and leaves nothing behind.
 */
class InstanceKilledMidRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRunWhoseAppInstancesAreKilledEndsWithAVerdictNamingTheCrashOrPassesAndLeavesNothing() throws Exception {
        Path config = dir.resolve("sim.yml");
        Path reports = dir.resolve("reports");
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try (Sim sim = Sim.start(SimOptions.defaults())) {
            sim.writeConfig(config);
            Future<CommandLineRun> running = runner.submit(() -> CommandLineRun.of("run", "--config", config.toString(),
                    "--suites", "smoke", "--parallel", "2", "--reports", reports.toString()));

            // The first instance that runs an app, then, once it is back, one of the instances of the next ones.
            ProcessHandle first = await("an app instance to run").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100)).until(InstanceKilledMidRunTest::anInstance, h -> h != null || running.isDone());
            assertThat(running.isDone()).as("the run is still going").isFalse();
            first.destroyForcibly();
            ProcessHandle second = await("another app instance to run").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(InstanceKilledMidRunTest::anInstance, h -> running.isDone() || h != null && h.pid() != first.pid());
            if (second != null && !running.isDone()) {
                second.destroyForcibly();
            }

            CommandLineRun run = running.get(3, TimeUnit.MINUTES);

            assertThat(run.exitCode()).as(run.toString()).isIn(ExitCode.PASSED, ExitCode.FAILED);
            JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
            assertThat(summary.path("verdict").asText()).isEqualTo(run.exitCode() == ExitCode.PASSED ? "passed" : "failed");
            assertThat(summary.path("scenarios")).as("scenarios in summary.json").allSatisfy(scenario ->
                    assertThat(scenario.path("status").asText().equals("passed")
                            || scenario.path("error").asText().matches("(?s)app vigil-\\S+ \\(guid [-0-9a-f]+\\): an instance CRASHED.*"))
                            .as("passed, or failed naming the crashed app: %s", scenario).isTrue());
            assertThat(reports.resolve("allure-report/index.html")).isRegularFile();
            await("the run's apps and their instances to be gone").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).until(() -> SimStatus.counts(sim), SimStatus.NOTHING::equals);
        } finally {
            runner.shutdownNow();
        }
    }

    /** An app instance of the in-process sim: a child JVM started with the cells' memory flag. */
    private static ProcessHandle anInstance() {
        List<ProcessHandle> instances = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("-XX:MaxRAM="))
                .filter(ProcessHandle::isAlive).toList();
        return instances.isEmpty() ? null : instances.get(0);
    }
}
