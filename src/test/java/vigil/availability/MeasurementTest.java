package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.report.AvailabilityResult;
import vigil.report.AvailabilityResult.Outage;
import vigil.report.Thresholds;

/** The instrument against a local server whose outages are injected with a known start and length. */
class MeasurementTest {
    @TempDir
    Path dir;

    @Test
    void reportsOutageOfInjectedLength() throws Exception {
        try (FakeServer server = FakeServer.start()) {
            Measurement measurement = Measurement.in(dir)
                    .probe(probe("app-http", server.url("/"), 20, Duration.ofMillis(500)),
                            ProbeLimits.of(new Thresholds(null, 0.5, null, null)))
                    .start();
            measurement.awaitLive(Duration.ofSeconds(10));
            server.outage(Duration.ofMillis(300), Duration.ofSeconds(1), FakeServer.Failure.HTTP_503);
            long armed = server.requests();
            // 0.3 s up, 1 s down, then up again for a while.
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requests() >= armed + 40);
            MeasurementResult result = measurement.stop();

            AvailabilityResult probe = result.probes().get(0);
            assertThat(probe.outages()).hasSize(1);
            Outage outage = probe.outages().get(0);
            // Within one probe interval (50 ms) of the truth, plus the server's and client's own latency.
            assertThat(outage.durationS()).isCloseTo(1.0, within(0.07));
            assertThat(outage.errorKinds()).containsOnlyKeys("http_503");
            assertThat(outage.errorKinds().get("http_503")).isBetween(19L, 21L);
            assertThat(probe.longestOutageS()).isEqualTo(outage.durationS());
            assertThat(probe.failures()).isEqualTo(outage.errorKinds().get("http_503"));
            assertThat(probe.passed()).isFalse();
            assertThat(probe.verdict()).startsWith("app-http: longest outage ").contains("> 0.5 s", "1 outage");
            List<String> csv = Files.readAllLines(dir.resolve("app-http.csv"));
            assertThat(csv).hasSize((int) probe.samples() + 1);
            assertThat(csv).filteredOn(line -> line.contains(",200,,instance-a")).hasSize((int) (probe.samples() - probe.failures()));
            assertThat(dir.resolve("app-http.svg")).exists();
            assertThat(result.timelines()).containsExactly(dir.resolve("app-http.svg"));
        }
    }

    @Test
    void hungRequestFailsAtItsScheduledTimeWithinTheTimeoutAndTheScheduleKeepsPace() throws Exception {
        try (FakeServer server = FakeServer.start()) {
            Duration timeout = Duration.ofMillis(200);
            Measurement measurement = Measurement.in(dir)
                    .probe(probe("hangs", server.url("/"), 20, timeout)).start();
            measurement.awaitLive(Duration.ofSeconds(10));
            server.outage(Duration.ofMillis(200), Duration.ofMillis(500), FakeServer.Failure.HANG);
            long armed = server.requests();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requests() >= armed + 26);
            MeasurementResult result = measurement.stop();

            AvailabilityResult probe = result.probes().get(0);
            assertThat(probe.outages()).as(String.join("\n", Files.readAllLines(dir.resolve("hangs.csv")))).hasSize(1);
            assertThat(probe.outages().get(0).errorKinds()).containsOnlyKeys("timeout");
            assertThat(probe.outages().get(0).durationS()).isCloseTo(0.5, within(0.07));
            // Every timed-out sample was given up on at its scheduled time + timeout, not later.
            List<String> csv = Files.readAllLines(dir.resolve("hangs.csv"));
            int firstSuccess = csv.indexOf(csv.stream().filter(line -> line.contains(",200,")).findFirst().orElseThrow());
            List<String> timedOut = csv.subList(firstSuccess, csv.size()).stream()
                    .filter(line -> line.contains(",timeout,")).toList();
            assertThat(timedOut).hasSize((int) probe.failures()).isNotEmpty();
            for (String line : timedOut) {
                double latencyMs = Double.parseDouble(line.split(",")[2]);
                assertThat(latencyMs).as(line).isBetween(200.0, 260.0);
            }
            // The schedule did not wait for the hung checks: one sample per interval, none started late.
            double seconds = Duration.between(result.start(), result.end()).toNanos() / 1e9;
            assertThat((double) csv.size() - 1).as("samples scheduled").isCloseTo(seconds * 20, within(3.0));
            // While checks hung for 200 ms each, the later ones still started within their own interval: the
            // schedule never waited for a hung check (a loaded 2-core box may add a few ms of lag).
            Outage outage = probe.outages().get(0);
            for (String line : csv.subList(1, csv.size())) {
                String[] fields = line.split(",");
                Instant scheduled = Instant.parse(fields[0]);
                if (!scheduled.isBefore(outage.start()) && scheduled.isBefore(outage.end())) {
                    assertThat(Duration.between(scheduled, Instant.parse(fields[1])).toMillis()).as(line).isLessThan(50);
                }
            }
            // And the schedule itself is fixed: one check every 50 ms, whatever the answers did.
            for (int i = 2; i < csv.size(); i++) {
                assertThat(Duration.between(Instant.parse(csv.get(i - 1).split(",")[0]),
                        Instant.parse(csv.get(i).split(",")[0])).toMillis()).isEqualTo(50);
            }
        }
    }

    @Test
    void refusedConnectionIsAFailureOfItsOwnKind() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Measurement measurement = Measurement.in(dir)
                .probe(probe("nobody", URI.create("http://127.0.0.1:" + closedPort + "/"), 20, Duration.ofMillis(500)))
                .start();
        await().atMost(Duration.ofSeconds(5)).until(() -> measurement.notLive().contains("connection_refused"));
        MeasurementResult result = measurement.stop();

        assertThat(result.probes().get(0).failures()).isEqualTo(result.probes().get(0).samples()).isPositive();
        assertThat(result.probes().get(0).outages().get(0).errorKinds()).containsOnlyKeys("connection_refused");
    }

    @Test
    void awaitingLiveProbesNamesTheOneThatNeverAnswered() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Measurement measurement = Measurement.in(dir)
                .probe(probe("nobody", URI.create("http://127.0.0.1:" + closedPort + "/"), 20, Duration.ofMillis(500)))
                .start()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> measurement.awaitLive(Duration.ofMillis(300)))
                    .isInstanceOf(ProbesNotLiveException.class)
                    .hasMessageContaining("nobody (connection_refused)");
        }
    }

    @Test
    void routerAddressGetsTheRouteAsHostHeader() throws Exception {
        try (FakeServer server = FakeServer.start()) {
            HttpProbe probe = new HttpProbe(new ProbeSpec("routed", "http://my-app.apps.example.com/", 20,
                    Duration.ofSeconds(1)), URI.create("http://my-app.apps.example.com/health"), "127.0.0.1:" + server.port());

            ProbeOutcome outcome = probe.fire(Instant.now()).get();

            assertThat(outcome.ok()).isTrue();
            assertThat(outcome.instance()).isEqualTo("instance-a");
            assertThat(server.lastHost()).isEqualTo("my-app.apps.example.com");
        }
    }

    @Test
    void probeNamesMustBeUnique() {
        URI url = URI.create("http://127.0.0.1:1/");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Measurement.in(dir)
                        .probe(probe("same", url, 1, Duration.ofSeconds(1)))
                        .probe(probe("same", url, 1, Duration.ofSeconds(1)))
                        .start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same");
    }

    private static HttpProbe probe(String name, URI url, double rate, Duration timeout) {
        return new HttpProbe(new ProbeSpec(name, url.toString(), rate, timeout), url, null);
    }

    static {
        // As vigil's main and surefire set it, for running this class from an IDE.
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        }
    }
}
