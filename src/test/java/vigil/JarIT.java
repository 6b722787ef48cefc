package vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code vigil.jar}, run as a pipeline runs it. */
class JarIT {
    private static final Path JAR = Path.of(System.getProperty("vigil.jar", "target/vigil.jar"));

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
    void aServedSimTakesARunThroughItsWrittenConfig() throws Exception {
        Path config = dir.resolve("sim.yml");
        Path simLog = dir.resolve("sim.log");
        Process sim = new ProcessBuilder(java("sim", "--write-config", config.toString()))
                .redirectErrorStream(true).redirectOutput(simLog.toFile()).start();
        try {
            await("vigil sim to write " + config).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.exists(config) || !sim.isAlive());
            assertThat(sim.isAlive()).as("vigil sim is still serving; its output: %s", read(simLog)).isTrue();

            Result run = vigil("run", "--config", config.toString(), "--suites", "smoke",
                    "--reports", dir.resolve("reports").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
        } finally {
            sim.destroy();
            assertThat(sim.waitFor(30, TimeUnit.SECONDS)).as("vigil sim stops on SIGTERM").isTrue();
        }
        assertThat(read(simLog)).contains("Embedded CF running").doesNotContain(read(config).lines()
                .filter(line -> line.startsWith("admin_password")).findFirst().orElseThrow().split(":", 2)[1].trim());
    }

    private Result vigil(String... args) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "vigil", ".out");
        Process process = new ProcessBuilder(java(args)).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("vigil " + String.join(" ", args) + " did not end within 180 s");
        }
        return new Result(process.exitValue(), read(output));
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + output;
        }
    }
}
