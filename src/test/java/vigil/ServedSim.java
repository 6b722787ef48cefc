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
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** {@code vigil sim} in its own process, with the config it wrote; stopped (SIGTERM) on close. */
record ServedSim(Process process, Path config, Path log) implements AutoCloseable {
    /** The status counts of an embedded CF that holds nothing. */
    static final String NOTHING_LEFT = "{\"organizations\":0,\"spaces\":0,\"apps\":0,\"routes\":0,"
            + "\"service_brokers\":0,\"service_instances\":0,\"service_bindings\":0,\"instances\":0,\"processes\":0}";

    static ServedSim start(Path dir) throws IOException {
        Path config = dir.resolve("sim.yml");
        Path log = dir.resolve("sim.log");
        Process process = new ProcessBuilder(VigilJar.command("sim", "--write-config", config.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await("vigil sim to write " + config).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(config) || !process.isAlive());
        assertThat(process.isAlive()).as("vigil sim is serving; its output: %s", VigilJar.read(log)).isTrue();
        return new ServedSim(process, config, log);
    }

    /** The status JSON of {@code vigil sim status}, compacted. */
    String status() throws Exception {
        Process status = new ProcessBuilder(VigilJar.command("sim", "status", "--config", config.toString()))
                .redirectErrorStream(true).start();
        String text = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(status.exitValue()).as(text).isZero();
        // Only the counts: cells and faults are reported too, and vary with the run.
        JsonNode json = new ObjectMapper().readTree(text);
        return "{" + java.util.stream.Stream.of("organizations", "spaces", "apps", "routes", "service_brokers",
                        "service_instances", "service_bindings", "instances", "processes")
                .map(key -> "\"" + key + "\":" + json.path(key).asText("missing"))
                .collect(java.util.stream.Collectors.joining(",")) + "}";
    }

    /** One count of the status, read over HTTP directly: polling through a new JVM each time is too slow. */
    int statusCount(String key) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String api = yaml("api");
        String login = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(api + "/")).build(),
                BodyHandlers.ofString()).body()).at("/links/login/href").asText();
        String form = "grant_type=password&username=admin&password="
                + URLEncoder.encode(adminPassword(), StandardCharsets.UTF_8);
        String token = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(login + "/oauth/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("cf:".getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)).build(), BodyHandlers.ofString()).body())
                .path("access_token").asText();
        JsonNode status = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(api + "/vigil/admin/status"))
                .header("Authorization", "bearer " + token).build(), BodyHandlers.ofString()).body());
        return status.path(key).asInt(-1);
    }

    private String yaml(String key) throws IOException {
        return new YAMLMapper().readTree(config.toFile()).path(key).asText();
    }

    /** The API's URL. */
    String api() throws IOException {
        return yaml("api");
    }

    String adminPassword() throws IOException {
        return yaml("admin_password");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("vigil sim stops on SIGTERM").isTrue();
        assertThat(VigilJar.read(log)).contains("Embedded CF running").doesNotContain(adminPassword());
    }
}
