package vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code vigil.jar}, run as a pipeline runs it. */
class JarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void aParallelSmokeRunAgainstAServedSimLeavesNothingBehind() throws Exception {
        try (ServedSim sim = ServedSim.start(dir)) {
            Result run = vigil("run", "--config", sim.config().toString(), "--suites", "smoke", "--parallel", "4",
                    "--reports", dir.resolve("reports").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(sim.status()).as("vigil sim status after the run").isEqualTo(NOTHING_LEFT);
            assertThat(run.output()).doesNotContain(sim.adminPassword());
        }
    }

    @Test
    void aRunStoppedBySigtermCleansUpAndReportsAborted() throws Exception {
        try (ServedSim sim = ServedSim.start(dir)) {
            Path reports = dir.resolve("reports");
            Path output = dir.resolve("run.out");
            Process run = new ProcessBuilder(java("run", "--config", sim.config().toString(), "--suites", "smoke",
                    "--reports", reports.toString())).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                await("the run to have pushed an app").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !run.isAlive() || sim.statusCount("apps") >= 2);
                assertThat(run.isAlive()).as("the run is still going; output: %s", read(output)).isTrue();

                run.destroy();

                assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run ends after SIGTERM").isTrue();
            } finally {
                run.destroyForcibly();
            }
            assertThat(run.exitValue()).as(read(output)).isEqualTo(143);
            String summary = read(reports.resolve("summary.json"));
            assertThat(summary).contains("\"verdict\" : \"aborted\"").contains("\"exit_code\" : 143");
            await("the instances of the removed apps to stop").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(sim::status, NOTHING_LEFT::equals);
        }
    }

    private static final String NOTHING_LEFT = "{\"organizations\":0,\"spaces\":0,\"apps\":0,\"routes\":0,"
            + "\"service_brokers\":0,\"service_instances\":0,\"service_bindings\":0,\"instances\":0,\"processes\":0}";

    /** Issue 11: a run stopped while its scenarios hold brokers, instances, keys and shares removes them all. */
    @Test
    void aRunStoppedBySigtermWhileUsingServicesRemovesThemAll() throws Exception {
        try (ServedSim sim = ServedSim.start(dir)) {
            Path reports = dir.resolve("reports");
            Path output = dir.resolve("run.out");
            Process run = new ProcessBuilder(java("run", "--config", sim.config().toString(), "--suites", "acceptance",
                    "--tags", "@managed-services", "--no-html", "--reports", reports.toString()))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                await("the run to have provisioned service instances").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> !run.isAlive() || sim.statusCount("service_instances") >= 3);
                assertThat(run.isAlive()).as("the run is still going; output: %s", read(output)).isTrue();

                run.destroy();

                assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run ends after SIGTERM").isTrue();
            } finally {
                run.destroyForcibly();
            }
            assertThat(run.exitValue()).as(read(output)).isEqualTo(143);
            assertThat(read(output)).doesNotContain("could not remove");
            await("the instances of the removed apps to stop").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(sim::status, NOTHING_LEFT::equals);
        }
    }

    /** {@code vigil sim} in its own process, with the config it wrote; stopped (SIGTERM) on close. */
    private record ServedSim(Process process, Path config, Path log) implements AutoCloseable {
        static ServedSim start(Path dir) throws IOException {
            Path config = dir.resolve("sim.yml");
            Path log = dir.resolve("sim.log");
            Process process = new ProcessBuilder(java("sim", "--write-config", config.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            await("vigil sim to write " + config).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.exists(config) || !process.isAlive());
            assertThat(process.isAlive()).as("vigil sim is serving; its output: %s", read(log)).isTrue();
            return new ServedSim(process, config, log);
        }

        /** The status JSON of {@code vigil sim status}, compacted. */
        String status() throws Exception {
            Process status = new ProcessBuilder(java("sim", "status", "--config", config.toString()))
                    .redirectErrorStream(true).start();
            String text = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(status.exitValue()).as(text).isZero();
            // Only the counts: cells and faults are reported too, and vary with the run.
            JsonNode json = JSON.readTree(text);
            return "{" + java.util.stream.Stream.of("organizations", "spaces", "apps", "routes", "service_brokers",
                            "service_instances", "service_bindings", "instances", "processes")
                    .map(key -> "\"" + key + "\":" + json.path(key).asText("missing"))
                    .collect(java.util.stream.Collectors.joining(",")) + "}";
        }

        /** One count of the status, read over HTTP directly: polling through a new JVM each time is too slow. */
        int statusCount(String key) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            String api = yaml("api");
            String login = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(api + "/")).build(),
                    BodyHandlers.ofString()).body()).at("/links/login/href").asText();
            String form = "grant_type=password&username=admin&password="
                    + URLEncoder.encode(adminPassword(), StandardCharsets.UTF_8);
            String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(login + "/oauth/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("cf:".getBytes()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString(form)).build(), BodyHandlers.ofString()).body())
                    .path("access_token").asText();
            JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(api + "/vigil/admin/status"))
                    .header("Authorization", "bearer " + token).build(), BodyHandlers.ofString()).body());
            return status.path(key).asInt(-1);
        }

        private String yaml(String key) throws IOException {
            return new YAMLMapper().readTree(config.toFile()).path(key).asText();
        }

        String adminPassword() throws IOException {
            return yaml("admin_password");
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("vigil sim stops on SIGTERM").isTrue();
            assertThat(read(log)).contains("Embedded CF running").doesNotContain(adminPassword());
        }
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
