package vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil watch} in its own process stops cleanly on SIGTERM: exit 143, its last window written. */
class WatchSignalIT {
    private static final Path JAR = Path.of(System.getProperty("vigil.jar", "target/vigil.jar"));

    @TempDir
    Path dir;

    @Test
    void sigtermBetweenRunsEndsTheWatchWithItsLastWindowWritten() throws Exception {
        HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        app.createContext("/", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Connection", "close");
                exchange.sendResponseHeaders(204, -1);
            }
        });
        app.start();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path reports = dir.resolve("watch");
        Path output = dir.resolve("watch.out");
        Process watch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "watch", "--suites", "none", "--every", "2s", "--rate", "5", "--metrics-port",
                Integer.toString(port), "--probe", "http://127.0.0.1:" + app.getAddress().getPort() + "/",
                "--reports", reports.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await("a second window of the watch").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> folders(reports).size() >= 2 && metrics(port).contains("vigil_probe_samples_total{"));
            watch.destroy(); // SIGTERM

            assertThat(watch.waitFor(30, TimeUnit.SECONDS)).as("the watch ends after SIGTERM").isTrue();
            String out = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(watch.exitValue()).as(out).isEqualTo(143);
            assertThat(out).contains("stopped (SIGTERM)");
            List<Path> folders = folders(reports);
            assertThat(folders.get(folders.size() - 1).resolve("probes/summary.json")).as(out).isRegularFile();
        } finally {
            watch.destroyForcibly();
            app.stop(0);
        }
    }

    private static List<Path> folders(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(reports)) {
            return list.sorted().toList();
        }
    }

    private static String metrics(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
