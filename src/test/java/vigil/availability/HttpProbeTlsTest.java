package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.sim.http.Transport;

/** Probes over HTTPS with a self-signed certificate: refused unless skip_ssl_validation, then through a router address. */
class HttpProbeTlsTest {
    private static HttpServer server;
    private static final AtomicReference<String> lastHost = new AtomicReference<>();

    @BeforeAll
    static void serveHttps() throws IOException {
        server = Transport.selfSigned("localhost").create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            lastHost.set(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getResponseHeaders().set(HttpProbe.INSTANCE_HEADER, "tls-instance");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void failsAsTlsErrorWhenTheCertificateIsVerified() throws Exception {
        HttpProbe probe = new HttpProbe(spec(), URI.create("https://127.0.0.1:" + port() + "/"), null);

        Throwable refused = catchThrowable(() -> probe.fire(Instant.now()).get(10, TimeUnit.SECONDS));

        assertThat(refused).isInstanceOf(ExecutionException.class);
        assertThat(FailureKind.of(refused)).as(refused.toString()).isEqualTo("tls_error");
    }

    @Test
    void succeedsThroughARouterAddressWithSkipSslValidation() throws Exception {
        HttpProbe probe = new HttpProbe(spec(), URI.create("https://my-app.apps.example.com/"), "127.0.0.1:" + port(), true);

        ProbeOutcome outcome = probe.fire(Instant.now()).get(10, TimeUnit.SECONDS);

        assertThat(outcome.ok()).as(outcome.toString()).isTrue();
        assertThat(outcome.instance()).isEqualTo("tls-instance");
        assertThat(lastHost.get()).isEqualTo("my-app.apps.example.com");
    }

    private static ProbeSpec spec() {
        return new ProbeSpec("tls", "https", 1, Duration.ofSeconds(5));
    }

    private static int port() {
        return server.getAddress().getPort();
    }
}
