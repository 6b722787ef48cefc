package vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a run stopped by SIGTERM while its scenarios hold service brokers, managed instances, keys, bindings
 * and shares removes them all (keys and bindings before their instance, instances before the broker), not only
 * its org.
 */
class ServicesSigtermIT {

    @TempDir
    Path dir;

    @Test
    void aRunStoppedWhileUsingServicesRemovesThemAll() throws Exception {
        try (ServedSim sim = ServedSim.start(dir)) {
            Path reports = dir.resolve("reports");
            Path output = dir.resolve("run.out");
            Process run = new ProcessBuilder(VigilJar.command("run", "--config", sim.config().toString(), "--suites",
                    "acceptance", "--tags", "@managed-services", "--no-html", "--reports", reports.toString()))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                await("the run to have provisioned service instances").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> !run.isAlive() || sim.statusCount("service_instances") >= 3);
                assertThat(run.isAlive()).as("the run is still going; output: %s", VigilJar.read(output)).isTrue();

                run.destroy(); // SIGTERM

                assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run ends after SIGTERM").isTrue();
            } finally {
                run.destroyForcibly();
            }
            assertThat(run.exitValue()).as(VigilJar.read(output)).isEqualTo(143);
            assertThat(VigilJar.read(output)).doesNotContain("could not remove");
            await("the instances of the removed apps to stop").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(sim::status, ServedSim.NOTHING_LEFT::equals);
        }
    }
}
