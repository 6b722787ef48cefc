package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.Vigil;
import vigil.report.AvailabilityResult;
import vigil.report.RunReport;
import vigil.report.SummaryWriter;
import vigil.report.Thresholds;
import vigil.report.Verdict;
import vigil.sim.Sim;
import vigil.sim.SimOptions;

/**
 * {@code vigil monitor} with issue 15's series: a URL over kept-alive and fresh connections, each with its own
 * outage and its cause, and the control probe beside them, in summary.json, CSV and SVG.
 */
class MonitorSeriesTest {
    @TempDir
    Path dir;

    @Test
    void anOutageShowsInBothSeriesWithItsCauseAndTheControlStaysUp() throws Exception {
        try (FakeServer server = FakeServer.start()) {
            Path reports = dir.resolve("reports");
            Path ready = dir.resolve("ready");
            CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> monitor(server.url("/").toString(),
                    "--rate", "20", "--duration", "2s", "--ready-file", ready.toString(), "--reports", reports.toString()));
            await("the ready file").atMost(Duration.ofSeconds(20)).until(() -> Files.exists(ready));
            server.outage(Duration.ofMillis(200), Duration.ofMillis(800), FakeServer.Failure.HTTP_503);
            String out = running.get(30, TimeUnit.SECONDS);

            Map<String, JsonNode> probes = new HashMap<>();
            new ObjectMapper().readTree(reports.resolve("summary.json").toFile()).path("availability")
                    .forEach(p -> probes.put(p.path("name").asText(), p));
            String name = "127.0.0.1-" + server.port();
            assertThat(probes).as(out).containsOnlyKeys(name, name + "-new-conn", "vigil-control");
            for (String series : new String[] {name, name + "-new-conn"}) {
                JsonNode probe = probes.get(series);
                assertThat(probe.path("outage_count").asLong()).as(probe.toString()).isEqualTo(1);
                JsonNode outage = probe.path("outages").path(0);
                assertThat(outage.path("cause").asText()).isEqualTo("server error (http_503)");
                assertThat(outage.path("duration_s").asDouble()).as(probe.toString()).isBetween(0.6, 1.0);
                assertThat(outage.path("start").asText()).isNotEmpty();
                assertThat(outage.path("end").asText()).isNotEmpty();
                assertThat(probe.path("inconclusive").isNumber()).isTrue();
                assertThat(reports.resolve("availability/" + series + ".svg")).isRegularFile();
            }
            assertThat(probes.get(name).path("connection").asText()).isEqualTo("reused");
            assertThat(probes.get(name + "-new-conn").path("connection").asText()).isEqualTo("new");
            JsonNode control = probes.get("vigil-control");
            assertThat(control.path("role").asText()).isEqualTo("control");
            assertThat(control.path("passed").asBoolean()).isTrue();
            assertThat(Files.readAllLines(reports.resolve("availability/vigil-control.csv")).get(0))
                    .endsWith(",inconclusive");
        }
    }

    @Test
    void aBaselineOfEarlierMonitorRunsIsReportedBesideTheThresholds() throws Exception {
        try (FakeServer server = FakeServer.start()) {
            String name = "127.0.0.1-" + server.port();
            Instant t = Instant.parse("2025-05-01T12:00:00Z");
            for (int i = 0; i < 5; i++) {
                AvailabilityResult earlier = new AvailabilityResult(name, "x", 100, 1, 99.0, 0.1 * (i + 1), List.of(),
                        null, Thresholds.NONE, true);
                new SummaryWriter().write(dir.resolve("history/run-" + i + "/summary.json"), new RunReport("r" + i, t,
                        t.plusSeconds(2), Set.of(), List.of(), Verdict.PASSED, 0, null, List.of(earlier), null));
            }
            Path reports = dir.resolve("reports");
            String out = monitor(server.url("/").toString(), "--rate", "10", "--duration", "1s", "--baseline",
                    dir.resolve("history").toString(), "--reports", reports.toString());

            assertThat(out).startsWith("exit 0").contains("monitor: baseline: 5 earlier runs in ");
            Map<String, JsonNode> probes = new HashMap<>();
            new ObjectMapper().readTree(reports.resolve("summary.json").toFile()).path("availability")
                    .forEach(p -> probes.put(p.path("name").asText(), p));
            JsonNode baseline = probes.get(name).path("baseline");
            assertThat(baseline.path("kind").asText()).isEqualTo("monitor|" + name + "|");
            assertThat(baseline.path("p99_longest_outage_s").asDouble()).isEqualTo(0.5);
            assertThat(baseline.path("allowed_outage_s").asDouble()).isEqualTo(5.5);
            assertThat(baseline.path("exceeded").asBoolean()).isFalse();
            assertThat(probes.get(name + "-new-conn").path("baseline").path("note").asText())
                    .contains("0 earlier runs of this kind, fewer than 5");
            assertThat(probes.get("vigil-control").has("baseline")).isFalse();
        }
    }

    @Test
    void aRouterAnswerNamesTheRouterAsTheCause() throws Exception {
        try (Sim sim = Sim.start(SimOptions.defaults())) {
            Path reports = dir.resolve("reports");
            String out = monitor("http://no-such-app." + sim.appsDomain() + "/", "--router-address", sim.routerAddress(),
                    "--rate", "10", "--duration", "1s", "--live-timeout", "1s", "--reports", reports.toString());

            assertThat(out).startsWith("exit 3");
            JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
            JsonNode probe = summary.path("availability").path(0);
            assertThat(probe.path("outages").path(0).path("error_kinds").has("http_404_unknown_route")).as(out).isTrue();
            assertThat(probe.path("outages").path(0).path("cause").asText()).isEqualTo("router: unknown_route (http_404)");
        }
    }

    private static String monitor(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] command = new String[args.length + 1];
        command[0] = "monitor";
        System.arraycopy(args, 0, command, 1, args.length);
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int code = Vigil.run(o, o, Map.of(), command);
            return "exit " + code + "\n" + out.toString(StandardCharsets.UTF_8);
        }
    }
}
