package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tcp-route probe against plain sockets of this test: an answering server, a silent one, a closed port. */
class TcpProbeTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void anAnswerIsASuccessNamingTheAnsweringInstance() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            threads.execute(() -> answerEachLine(server, "instance-7"));

            ProbeOutcome outcome = probe(server.getLocalPort()).fire(Instant.now()).get();

            assertThat(outcome.ok()).as(String.valueOf(outcome)).isTrue();
            assertThat(outcome.instance()).isEqualTo("instance-7");
        }
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProbeOutcome outcome = probe(server.getLocalPort()).fire(Instant.now()).get();

            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.error()).isEqualTo("tcp_timeout");
        }
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }

        ProbeOutcome outcome = probe(port).fire(Instant.now()).get();

        assertThat(outcome.error()).isEqualTo("tcp_refused");
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsClosed() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            threads.execute(() -> {
                try (Socket client = server.accept()) {
                    client.getInputStream().read();
                } catch (IOException ignored) {
                    // the probe's side is what the test looks at
                }
            });

            ProbeOutcome outcome = probe(server.getLocalPort()).fire(Instant.now()).get();

            assertThat(outcome.error()).isEqualTo("tcp_closed");
        }
    }

    private TcpProbe probe(int port) {
        return new TcpProbe(new ProbeSpec("tcp-route-test", "127.0.0.1:" + port, 10, TIMEOUT), "127.0.0.1", port, threads);
    }

    private static void answerEachLine(ServerSocket server, String answer) {
        try (Socket client = server.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                client.getOutputStream().write((answer + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the probe hung up
        }
    }
}
