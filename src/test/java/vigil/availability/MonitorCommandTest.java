package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.Vigil;
import vigil.sim.http.Transport;

/** {@code vigil monitor} end to end, in process, against a local server. */
class MonitorCommandTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    @Test
    void thresholdsMetExitZeroAndWriteEveryReport() throws Exception {
        try (FakeServer server = FakeServer.start()) {
            Path reports = dir.resolve("reports");
            Path ready = dir.resolve("ready");

            Run run = monitor(server.url("/health").toString(), "--rate", "20", "--during", "sleep 1",
                    "--min-availability", "99", "--max-outage", "1", "--ready-file", ready.toString(),
                    "--reports", reports.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            String name = "127.0.0.1-" + server.port() + "-health";
            assertThat(run.out()).contains("probe ", "avail %", name + ": 100.00% passed (no outage)",
                    "no instance changed during the deploy");
            assertThat(ready).exists();
            assertThat(reports.resolve("availability/" + name + ".csv")).exists();
            assertThat(reports.resolve("availability/" + name + ".svg")).exists();
            assertThat(reports.resolve("during.log")).exists();
            JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
            assertThat(summary.get("verdict").asText()).isEqualTo("passed");
            assertThat(summary.get("exit_code").asInt()).isZero();
            assertThat(summary.get("suites").get("smoke").get("selected").asBoolean()).isFalse();
            assertThat(summary.get("suites").get("availability").get("selected").asBoolean()).isFalse();
            JsonNode probe = summary.get("availability").get(0);
            assertThat(probe.get("name").asText()).isEqualTo(name);
            assertThat(probe.get("samples").asLong()).isGreaterThanOrEqualTo(15);
            assertThat(probe.get("passed").asBoolean()).isTrue();
            assertThat(probe.get("thresholds").get("min_availability_pct").asDouble()).isEqualTo(99.0);
            assertThat(probe.get("instances").get("during").get(0).asText()).isEqualTo("instance-a");
            assertThat(summary.get("during").get("command").asText()).isEqualTo("sleep 1");
            assertThat(summary.get("during").get("exit_code").asInt()).isZero();
        }
    }

    @Test
    void injectedOutageLongerThanMaxOutageExitsOne() throws Exception {
        try (FakeServer server = FakeServer.start()) {
            Path reports = dir.resolve("reports");
            Path ready = dir.resolve("ready");
            CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> monitor(
                    server.url("/").toString(), "--rate", "20", "--duration", "2s", "--max-outage", "0.5",
                    "--ready-file", ready.toString(), "--reports", reports.toString()));
            // The deploy of a pipeline would start here, in another task.
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(ready));
            server.outage(Duration.ofMillis(200), Duration.ofMillis(800), FakeServer.Failure.HTTP_503);

            Run run = running.get(30, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).containsPattern("longest outage 0\\.[78]\\d* s > 0\\.5 s \\(1 outage,");
            JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
            assertThat(summary.get("verdict").asText()).isEqualTo("failed");
            JsonNode probe = summary.get("availability").get(0);
            assertThat(probe.get("longest_outage_s").asDouble()).isBetween(0.73, 0.87);
            assertThat(probe.get("outages").get(0).get("error_kinds").get("http_503").asLong()).isBetween(15L, 17L);
            assertThat(summary.get("during").isNull()).isTrue();
        }
    }

    @Test
    void aSiteDownMostOfTheTimeFailsOnTheDefaultThresholdsAndPassesOnlyWithNoThresholds() throws Exception {
        // Up for the first 250 ms of every second, 503 for the rest: down three quarters of the time.
        HttpServer flapping = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        long origin = System.nanoTime();
        flapping.createContext("/", exchange -> {
            boolean up = (System.nanoTime() - origin) % 1_000_000_000L < 250_000_000L;
            exchange.sendResponseHeaders(up ? 200 : 503, -1);
            exchange.close();
        });
        flapping.start();
        try {
            String url = "http://127.0.0.1:" + flapping.getAddress().getPort() + "/";

            Run judged = monitor(url, "--rate", "20", "--duration", "1s", "--reports", dir.resolve("judged").toString());

            assertThat(judged.exitCode()).as(judged.toString()).isEqualTo(1);
            assertThat(judged.out()).containsPattern("127\\.0\\.0\\.1-\\d+: \\d+\\.\\d\\d% < 99\\.50%")
                    .contains("FAILED", "monitor: failed (exit 1)");
            JsonNode probe = new ObjectMapper().readTree(dir.resolve("judged/summary.json").toFile())
                    .get("availability").get(0);
            assertThat(probe.get("availability_pct").asDouble()).isLessThan(60);
            assertThat(probe.get("thresholds").get("min_availability_pct").asDouble()).isEqualTo(99.5);
            assertThat(probe.get("thresholds").get("max_outage_s").asDouble()).isEqualTo(2.0);
            assertThat(probe.get("passed").asBoolean()).isFalse();
            assertThat(probe.has("not_judged")).isFalse();

            Run measured = monitor(url, "--rate", "20", "--duration", "1s", "--no-thresholds",
                    "--reports", dir.resolve("measured").toString());

            assertThat(measured.exitCode()).as(measured.toString()).isZero();
            assertThat(measured.out()).contains("measured, not judged: thresholds off (--no-thresholds)", "not judged");
            JsonNode summary = new ObjectMapper().readTree(dir.resolve("measured/summary.json").toFile());
            assertThat(summary.get("verdict").asText()).isEqualTo("passed");
            JsonNode unjudged = summary.get("availability").get(0);
            assertThat(unjudged.get("not_judged").asText()).isEqualTo("thresholds off (--no-thresholds)");
            assertThat(unjudged.get("availability_pct").asDouble()).isLessThan(60);
            assertThat(unjudged.has("self_check")).isFalse();
        } finally {
            flapping.stop(0);
        }
    }

    @Test
    void helpSaysTheDefaultThresholdsAndHowToTurnThemOff() {
        Run help = monitor("--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("at least 99.5% available and no outage longer than 2 s",
                "--no-thresholds");
    }

    @Test
    void failedDuringCommandExitsFourAndRecordsItsExitCode() throws Exception {
        try (FakeServer server = FakeServer.start()) {
            Path reports = dir.resolve("reports");

            Run run = monitor(server.url("/").toString(), "--during", "echo half-deployed; exit 7",
                    "--reports", reports.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
            assertThat(run.err()).contains("the --during command failed with exit code 7");
            assertThat(Files.readString(reports.resolve("during.log"))).isEqualTo("half-deployed\n");
            JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
            assertThat(summary.get("during").get("exit_code").asInt()).isEqualTo(7);
            assertThat(summary.get("verdict").asText()).isEqualTo("failed");
        }
    }

    @Test
    void missingDuringCommandIsNamedAndExitsFour() throws Exception {
        try (FakeServer server = FakeServer.start()) {
            Run run = monitor(server.url("/").toString(), "--during", "vigil-no-such-deploy",
                    "--reports", dir.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
            assertThat(run.err()).contains("the --during command was not found (sh exit 127): vigil-no-such-deploy");
        }
    }

    @Test
    void selfSignedHttpsIsRefusedSayingWhatToDoAndMeasuredWithSkipSslValidation() throws Exception {
        HttpServer https = Transport.selfSigned("localhost")
                .create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        https.start();
        try {
            String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/health";

            Run refused = monitor(url, "--duration", "1s", "--live-timeout", "2s",
                    "--reports", dir.resolve("refused").toString());
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            assertThat(refused.err()).contains("(tls_error)", "--skip-ssl-validation").doesNotContain("\tat ");

            Run skipped = monitor(url, "--duration", "1s", "--skip-ssl-validation",
                    "--reports", dir.resolve("skipped").toString());
            assertThat(skipped.exitCode()).as(skipped.toString()).isZero();
            assertThat(skipped.err()).contains("warning: --skip-ssl-validation: TLS certificates of the URLs are not"
                    + " verified");
            JsonNode probe = new ObjectMapper().readTree(dir.resolve("skipped/summary.json").toFile())
                    .get("availability").get(0);
            assertThat(probe.get("failures").asLong()).isZero();
            assertThat(probe.get("samples").asLong()).isPositive();
        } finally {
            https.stop(0);
        }
    }

    @Test
    void badArgumentsExitTwoAndSayWhatToDo() {
        Run neither = monitor("http://127.0.0.1:1/", "--reports", dir.toString());
        assertThat(neither.exitCode()).as(neither.toString()).isEqualTo(2);
        assertThat(neither.err()).contains("--during CMD", "--duration D");

        Run both = monitor("http://127.0.0.1:1/", "--during", "true", "--duration", "5s", "--reports", dir.toString());
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(2);
        assertThat(both.err()).contains("exclude each other");

        Run notHttp = monitor("ftp://example.com/", "--duration", "5s", "--reports", dir.toString());
        assertThat(notHttp.exitCode()).as(notHttp.toString()).isEqualTo(2);
        assertThat(notHttp.err()).contains("'ftp://example.com/' is not an http(s) URL");

        Run notUrl = monitor("http://exa mple.com/", "--duration", "5s", "--reports", dir.toString());
        assertThat(notUrl.exitCode()).as(notUrl.toString()).isEqualTo(2);
        assertThat(notUrl.err()).contains("is not a URL");

        Run badRate = monitor("http://127.0.0.1:1/", "--duration", "5s", "--rate", "0", "--reports", dir.toString());
        assertThat(badRate.exitCode()).as(badRate.toString()).isEqualTo(2);
        assertThat(badRate.err()).contains("--rate must be above 0");

        Run badDuration = monitor("http://127.0.0.1:1/", "--duration", "soon", "--reports", dir.toString());
        assertThat(badDuration.exitCode()).as(badDuration.toString()).isEqualTo(2);

        Run badThreshold = monitor("http://127.0.0.1:1/", "--duration", "5s", "--min-availability", "101",
                "--reports", dir.toString());
        assertThat(badThreshold.exitCode()).as(badThreshold.toString()).isEqualTo(2);
        assertThat(badThreshold.err()).contains("--min-availability");

        Run offAndOn = monitor("http://127.0.0.1:1/", "--duration", "5s", "--no-thresholds", "--max-outage", "3",
                "--reports", dir.toString());
        assertThat(offAndOn.exitCode()).as(offAndOn.toString()).isEqualTo(2);
        assertThat(offAndOn.err()).contains("--no-thresholds measures only");

        assertThat(dir.resolve("summary.json")).doesNotExist();
    }

    private static Run monitor(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> command = new ArrayList<>(List.of("monitor"));
        command.addAll(List.of(args));
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Vigil.run(o, e, Map.of(), command.toArray(String[]::new));
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
