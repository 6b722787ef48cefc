package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;

/**
 * The availability scenario with both optional probes, against the embedded CF, with probe settings from the
 * config file: the thresholds applied are the configured ones, every probe passes, each timeline is attached.
 */
class AvailabilityRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Sim sim;

    @BeforeEach
    void startSim() throws IOException {
        sim = Sim.start(SimOptions.defaults());
    }

    @AfterEach
    void stopSim() {
        sim.close();
    }

    @Test
    void pushabilityAndLogFreshnessPassDuringADeployJudgedByTheConfiguredThresholds() throws IOException {
        Path config = dir.resolve("sim.yml");
        sim.writeConfig(config);
        Files.writeString(config, Files.readString(config) + """
                availability:
                  probes:
                    app-http: {rate_hz: 10, min_availability_pct: 99.0, max_outage_s: 3, known_errors: ["http_502"]}
                    log-freshness: {max_outage_s: 20, timeout_ms: 3000}
                """);
        Path reports = dir.resolve("reports");

        CommandLineRun run = CommandLineRun.of("run", "--config", config.toString(), "--suites", "availability",
                "--tags", "@optional-probes", "--no-html", "--reports", reports.toString());

        assertThat(run.exitCode()).as(() -> run + "\n--- verdicts\n" + verdicts(reports)).isEqualTo(ExitCode.PASSED);
        Map<String, JsonNode> probes = new HashMap<>();
        JSON.readTree(reports.resolve("summary.json").toFile()).path("availability")
                .forEach(p -> probes.put(p.path("name").asText().replaceAll("-\\d+(?=$|-new-conn$)", ""), p));
        assertThat(probes).containsOnlyKeys("app-http", "cf-api", "cf-app-lookup", "pushability", "log-freshness",
                "app-http-new-conn", "cf-api-new-conn", "vigil-control");
        // Issue 15: the HTTP probes also over fresh connections, judged alike; the control probe beside them.
        assertThat(probes.get("app-http").path("connection").asText()).isEqualTo("reused");
        JsonNode fresh = probes.get("app-http-new-conn");
        assertThat(fresh.path("connection").asText()).isEqualTo("new");
        assertThat(fresh.path("thresholds").path("max_outage_s").asDouble()).isEqualTo(3.0);
        assertThat(fresh.path("samples").asLong()).as(fresh.toString()).isGreaterThan(10);
        assertThat(probes.get("cf-api-new-conn").path("connection").asText()).isEqualTo("new");
        JsonNode control = probes.get("vigil-control");
        assertThat(control.path("role").asText()).isEqualTo("control");
        assertThat(control.path("samples").asLong()).as(control.toString()).isGreaterThan(10);
        assertThat(probes.get("app-http").path("inconclusive").isNumber()).isTrue();
        JsonNode app = probes.get("app-http");
        assertThat(app.path("thresholds").path("min_availability_pct").asDouble()).isEqualTo(99.0);
        assertThat(app.path("thresholds").path("max_outage_s").asDouble()).isEqualTo(3.0);
        assertThat(probes.get("cf-api").path("thresholds").path("min_availability_pct").asDouble())
                .as("default").isEqualTo(99.0);
        assertThat(probes.get("pushability").path("thresholds").path("max_failures").asLong()).isZero();
        assertThat(probes.get("log-freshness").path("thresholds").path("max_outage_s").asDouble()).isEqualTo(20.0);
        for (String name : List.of("pushability", "log-freshness")) {
            JsonNode probe = probes.get(name);
            assertThat(probe.path("passed").asBoolean()).as(probe.toString()).isTrue();
            assertThat(probe.path("samples").asLong()).as(probe.toString()).isGreaterThanOrEqualTo(2);
            assertThat(probe.path("verdict").asText()).startsWith(probe.path("name").asText() + ": 100.00% passed");
            assertThat(reports.resolve("availability").resolve(probe.path("name").asText() + ".svg")).isRegularFile();
        }
        // Each probe's timeline is attached to the scenario's Allure result as SVG.
        List<JsonNode> attachments = new java.util.ArrayList<>();
        try (Stream<Path> results = Files.list(reports.resolve("allure-results"))) {
            for (Path result : results.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JSON.readTree(result.toFile()).findValues("attachments")
                        .forEach(list -> list.forEach(attachments::add));
            }
        }
        List<JsonNode> svgs = attachments.stream().filter(a -> a.path("type").asText().equals("image/svg+xml")).toList();
        assertThat(svgs).extracting(a -> a.path("name").asText()).hasSize(8).allMatch(n -> n.startsWith("timeline "));
        for (JsonNode svg : svgs) {
            assertThat(Files.readString(reports.resolve("allure-results").resolve(svg.path("source").asText())))
                    .contains("<svg");
        }
    }

    private static String verdicts(Path reports) {
        try {
            StringBuilder text = new StringBuilder();
            JSON.readTree(reports.resolve("summary.json").toFile()).path("availability").forEach(p -> text
                    .append(p.path("verdict").asText()).append(' ').append(p.path("warnings")).append('\n'));
            return text.toString();
        } catch (IOException e) {
            return "no summary: " + e.getMessage();
        }
    }
}
