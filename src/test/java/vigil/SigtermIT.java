package vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline that aborts a task sends SIGTERM whenever it likes: during setup, while scenarios run, while the
 * reports are written. Every time, {@code vigil.jar run} must end with 143, a summary.json saying {@code aborted},
 * no staging folder left, no child process left and nothing left in the CF. The moments are random within each
 * phase, from a seed that the failure message names ({@code -Dvigil.sigterm.seed=N} replays it).
 */
class SigtermIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = Long.getLong("vigil.sigterm.seed", System.nanoTime());

    private enum Phase { SETUP, RUNNING, REPORTING }

    @TempDir
    Path dir;

    @Test
    void aSigtermAtARandomMomentOfEachPhaseEndsWith143AndAnAbortedSummary() throws Exception {
        Random random = new Random(SEED);
        try (ServedSim sim = ServedSim.start(dir)) {
            List<String> target = List.of("--config", sim.config().toString());
            stopAt(Phase.SETUP, random, target, 1);
            stopAt(Phase.RUNNING, random, target, 2);
            // The API-only smoke scenarios: the reports come a few seconds sooner.
            stopAt(Phase.REPORTING, random, List.of("--config", sim.config().toString(), "--tags", "@platform"), 3);
            stopMonitor(random, sim.api() + "/", 6);
            await("the instances of the removed apps to stop").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(sim::status, ServedSim.NOTHING_LEFT::equals);
        }
        // The embedded CF in the run's own process (--sim): its start is part of the setup, its app processes are
        // the run's children.
        stopAt(Phase.SETUP, random, List.of("--sim"), 4);
        stopAt(Phase.RUNNING, random, List.of("--sim"), 5);
    }

    private void stopAt(Phase phase, Random random, List<String> target, int trial) throws Exception {
        Path reports = dir.resolve("reports-" + trial);
        List<String> args = new ArrayList<>(List.of("run", "--suites", "smoke", "--parallel", "4", "--reports",
                reports.toString()));
        args.addAll(target);
        stop(args, reports, trial, run -> waitForMoment(phase, random, reports, run));
    }

    /** {@code vigil monitor} stopped while it measures: the same rule. */
    private void stopMonitor(Random random, String url, int trial) throws Exception {
        Path reports = dir.resolve("reports-" + trial);
        stop(List.of("monitor", url, "--duration", "60s", "--reports", reports.toString()), reports, trial, run -> {
            poll("the monitor to make its staging folder in " + reports)
                    .until(() -> !run.isAlive() || staging(reports).isPresent());
            long delay = random.nextInt(2000);
            long start = System.nanoTime();
            poll("a random moment of the measurement").pollDelay(Duration.ofMillis(delay))
                    .until(() -> System.nanoTime() - start >= delay * 1_000_000 || !run.isAlive());
            return delay + " ms into the monitor's measurement";
        });
    }

    @FunctionalInterface
    private interface Moment {
        String awaitFor(Process run) throws Exception;
    }

    private void stop(List<String> args, Path reports, int trial, Moment when) throws Exception {
        Path output = dir.resolve("run-" + trial + ".out");
        Process run = new ProcessBuilder(VigilJar.command(args.toArray(String[]::new))).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        String moment;
        List<ProcessHandle> children;
        try {
            moment = when.awaitFor(run);
            assertThat(run.isAlive()).as("seed %d, trial %d: the run is still going at %s; its output: %s", SEED, trial,
                    moment, VigilJar.read(output)).isTrue();
            children = run.descendants().toList();
            run.destroy(); // SIGTERM
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run ends after SIGTERM").isTrue();
        } finally {
            run.destroyForcibly();
        }
        String context = String.format("seed %d, trial %d, SIGTERM %s; output:%n%s", SEED, trial, moment,
                VigilJar.read(output));
        assertThat(run.exitValue()).as(context).isEqualTo(143);
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("verdict").asText()).as(context).isEqualTo("aborted");
        assertThat(summary.path("exit_code").asInt()).as(context).isEqualTo(143);
        assertThat(staging(reports)).as(context).isEmpty();
        await("the run's child processes to be gone (" + context + ")").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** Waits for the phase to begin, then a random time into it; says when the signal is sent. */
    private static String waitForMoment(Phase phase, Random random, Path reports, Process run) throws Exception {
        // The staging folder is made right after the run's signal handling is in place.
        poll("the run to make its staging folder in " + reports)
                .until(() -> !run.isAlive() || staging(reports).isPresent());
        String marker = switch (phase) {
            case SETUP -> null;
            // The Allure results folder is made once the run is logged in and its org exists.
            case RUNNING -> "allure-results";
            // JUnit XML is written right after summary.json, before the Allure HTML.
            case REPORTING -> "junit";
        };
        if (marker != null) {
            poll("the run to write " + marker).until(() -> !run.isAlive()
                    || staging(reports).map(dir -> Files.exists(dir.resolve(marker))).orElse(false));
        }
        long delay = switch (phase) {
            case SETUP -> random.nextInt(1500);
            case RUNNING -> random.nextInt(4000);
            case REPORTING -> random.nextInt(600);
        };
        long start = System.nanoTime();
        poll("a random moment of " + phase).pollDelay(Duration.ofMillis(delay))
                .until(() -> System.nanoTime() - start >= delay * 1_000_000 || !run.isAlive());
        return delay + " ms into " + phase + (marker == null ? " (after the staging folder appeared)"
                : " (after " + marker + " appeared)");
    }

    private static ConditionFactory poll(String alias) {
        return await(alias).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20));
    }

    private static Optional<Path> staging(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return Optional.empty();
        }
        try (Stream<Path> list = Files.list(reports)) {
            return list.filter(path -> path.getFileName().toString().startsWith(".vigil-")).findFirst();
        }
    }
}
