package vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code vigil.jar}, run as a pipeline runs it. */
class JarIT {

    @TempDir
    Path dir;

    @Test
    void missingConfigFileExitsTwoAndNamesIt() throws Exception {
        Result result = vigil("run", "--config", "/no/such.yml");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.output()).contains("/no/such.yml").doesNotContain("at vigil.");
    }

    @Test
    void smokeSuitePassesAgainstTheEmbeddedCfWithTheBundledFeatures() throws Exception {
        Result result = vigil("run", "--sim", "--suites", "smoke", "--reports", dir.resolve("reports").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.output()).contains("PASSED").contains("The admin logs in and makes an authenticated call");
        assertThat(dir.resolve("reports/allure-report/index.html")).isRegularFile();
    }

    @Test
    void aParallelSmokeRunAgainstAServedSimLeavesNothingBehind() throws Exception {
        try (ServedSim sim = ServedSim.start(dir)) {
            Result run = vigil("run", "--config", sim.config().toString(), "--suites", "smoke", "--parallel", "4",
                    "--reports", dir.resolve("reports").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(sim.status()).as("vigil sim status after the run").isEqualTo(ServedSim.NOTHING_LEFT);
            assertThat(run.output()).doesNotContain(sim.adminPassword());
        }
    }

    private Result vigil(String... args) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "vigil", ".out");
        Process process = new ProcessBuilder(VigilJar.command(args)).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("vigil " + String.join(" ", args) + " did not end within 180 s");
        }
        return new Result(process.exitValue(), VigilJar.read(output));
    }

    private record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + output;
        }
    }
}
