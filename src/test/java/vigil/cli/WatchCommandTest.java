package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil watch}: smoke runs on a schedule against the embedded CF, a probed URL between them, and what it saw
 * at {@code /metrics}; the example alert rules name only metrics it exports.
 */
class WatchCommandTest {
    private static final Pattern METRIC = Pattern.compile("\\bvigil_[a-z_]+");

    @TempDir
    Path dir;

    @Test
    void runsOnItsScheduleKeepsTheNewestRunsAndServesMetrics() throws Exception {
        HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        app.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(204, -1);
            }
        });
        app.start();
        int port = freePort();
        String url = "http://127.0.0.1:" + app.getAddress().getPort() + "/health";
        Path reports = dir.resolve("watch");
        try {
            CompletableFuture<CommandLineRun> watch = CompletableFuture.supplyAsync(() -> CommandLineRun.of("watch",
                    "--sim", "--every", "5s", "--tags", "@platform", "--runs", "3", "--keep", "2",
                    "--metrics-port", Integer.toString(port), "--probe", url, "--rate", "5",
                    "--reports", reports.toString()));
            String[] metrics = new String[1];
            await("/metrics showing two finished runs").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the watch ended", watch::isDone)
                    .until(() -> (metrics[0] = scrape(port)).contains("\nvigil_runs_total 2\n"));
            CommandLineRun run = watch.get();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
            assertThat(run.out()).contains("watch: run 1 passed", "watch: run 3 passed", "/metrics");
            String text = metrics[0];
            assertThat(text).contains("# HELP vigil_runs_total ", "# TYPE vigil_runs_total counter",
                    "# TYPE vigil_probe_availability_ratio gauge", "vigil_run_failures_total 0\n",
                    "vigil_last_success_timestamp_seconds ", "vigil_watch_interval_seconds 5\n");
            String probe = "127.0.0.1-" + app.getAddress().getPort() + "-health";
            assertThat(text).containsPattern("vigil_probe_availability_ratio\\{probe=\"" + probe
                    + "\",source=\"watch\"\\} (1|0\\.9\\d*)\n");
            assertThat(text).containsPattern("vigil_probe_samples_total\\{probe=\"" + probe
                    + "-new-conn\",source=\"watch\"\\} [1-9]");
            assertThat(text).contains("{probe=\"vigil-control\",source=\"watch\"}");
            // Every family once, its HELP and TYPE before its samples.
            Set<String> typed = new HashSet<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("# TYPE ")) {
                    assertThat(typed.add(line.split(" ")[2])).as("declared once: %s", line).isTrue();
                } else if (!line.startsWith("#")) {
                    assertThat(typed).as("sample after its TYPE: %s", line).contains(line.split("[{ ]")[0]);
                }
            }
            List<Path> runs;
            try (Stream<Path> list = Files.list(reports)) {
                runs = list.sorted().toList();
            }
            assertThat(runs).as("--keep 2").hasSize(2);
            assertThat(runs.get(0).resolve("summary.json")).isRegularFile();
            assertThat(runs.get(0).resolve("probes/summary.json")).isRegularFile();
            assertThat(runs.get(1).resolve("probes/availability/" + probe + "-new-conn.csv")).isRegularFile();
        } finally {
            app.stop(0);
        }
    }

    @Test
    void theExampleAlertRulesParseAndNameOnlyExportedMetrics() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Path.of("monitoring/vigil-alerts.yml").toFile());
        JsonNode group = rules.path("groups").path(0);
        assertThat(group.path("rules").size()).isGreaterThanOrEqualTo(4);
        for (JsonNode rule : group.path("rules")) {
            assertThat(rule.path("alert").asText()).startsWith("Vigil");
            String expr = rule.path("expr").asText();
            Matcher names = METRIC.matcher(expr);
            int found = 0;
            while (names.find()) {
                found++;
                assertThat(WatchMetrics.NAMES).as("%s in %s", names.group(), rule.path("alert").asText())
                        .contains(names.group());
            }
            assertThat(found).as(expr).isPositive();
        }
    }

    @Test
    void aWatchWithNothingToWatchIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("watch", "--suites", "none", "--reports", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--probe");
    }

    private static String scrape(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            return response.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
