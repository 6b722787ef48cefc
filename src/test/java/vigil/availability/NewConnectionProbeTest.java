package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.report.AvailabilityResult;

/**
 * The two series of an HTTP probe: the reused one keeps its connection, the new-connection one opens a fresh one
 * for every check (seen by the server as a new client port each time); a router error names itself in the kind.
 */
class NewConnectionProbeTest {
    @TempDir
    Path dir;

    @Test
    void theNewConnectionSeriesOpensAConnectionPerCheckAndTheReusedOneKeepsIt() throws Exception {
        Set<Integer> reusedPorts = ConcurrentHashMap.newKeySet();
        Set<Integer> freshPorts = ConcurrentHashMap.newKeySet();
        AtomicInteger fresh = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            try (exchange) {
                boolean isFresh = exchange.getRequestURI().getPath().equals("/fresh");
                (isFresh ? freshPorts : reusedPorts).add(exchange.getRemoteAddress().getPort());
                if (isFresh) {
                    fresh.incrementAndGet();
                }
                if (isFresh) {
                    exchange.getResponseHeaders().set("Connection", "close"); // as RFC 9112 9.6 asks a server to
                }
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpProbe reused = new HttpProbe(new ProbeSpec("reused", base, 20, Duration.ofSeconds(1)),
                    URI.create(base + "/reused"), null);
            HttpProbe newConnections = HttpProbe.newConnections(new ProbeSpec("reused-new-conn", base, 20,
                    Duration.ofSeconds(1)), URI.create(base + "/fresh"), null, false);
            Measurement measurement = Measurement.in(dir).probe(reused).probe(newConnections).start();
            await("20 checks over new connections").atMost(Duration.ofSeconds(20)).until(() -> fresh.get() >= 20);
            MeasurementResult result = measurement.stop();

            assertThat(freshPorts).as("a client port per check").hasSizeGreaterThanOrEqualTo(fresh.get() - 1);
            // A few connections while the first checks overlap, then kept alive.
            assertThat(reusedPorts).as("kept alive").hasSizeLessThan(fresh.get() / 2);
            AvailabilityResult freshResult = result.probes().get(1);
            assertThat(freshResult.connection()).isEqualTo(HttpProbe.NEW);
            assertThat(freshResult.failures()).as(freshResult.verdict()).isZero();
            assertThat(result.probes().get(0).connection()).isEqualTo(HttpProbe.REUSED);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRouterErrorNamesItselfInTheKind() {
        assertThat(FailureKind.ofStatus(502, "endpoint_failure")).isEqualTo("http_502_endpoint_failure");
        assertThat(FailureKind.ofStatus(404, "unknown_route")).isEqualTo("http_404_unknown_route");
        assertThat(FailureKind.ofStatus(503, null)).isEqualTo("http_503");
        assertThat(FailureKind.ofStatus(502, " Weird Value! ")).isEqualTo("http_502_weird_value");
    }
}
