package vigil.testapp;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The packed test app running as a real child process ({@code java -jar}), as a cell runs it, with its
 * output collected line by line. Always closed by the test that starts it: close() ends the process.
 */
final class TestAppProcess implements AutoCloseable {

    /** The fast-start flags the embedded CF's cells are meant to use. */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
    private static final List<String> CF_VARIABLES =
            List.of("PORT", "CF_INSTANCE_INDEX", "CF_INSTANCE_GUID", "VCAP_APPLICATION", "VIGIL_LOG_COUNTER_MS");

    private final Process process;
    private final int port;
    private final long launchedAtNanos;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private Duration startTime;

    private TestAppProcess(Process process, int port, long launchedAtNanos) {
        this.process = process;
        this.port = port;
        this.launchedAtNanos = launchedAtNanos;
        Thread reader = new Thread(this::collectOutput, "testapp-output-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Launches the JAR on a free port with the given variables (PORT is set here) and no other CF variable
     * of this JVM's environment; waits until it answers {@code GET /} with 200.
     */
    static TestAppProcess start(Path jar, Map<String, String> variables) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        CF_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(variables);
        builder.environment().put("PORT", Integer.toString(port));

        long launchedAt = System.nanoTime();
        TestAppProcess app = new TestAppProcess(builder.start(), port, launchedAt);
        try {
            app.awaitAnswering();
        } catch (RuntimeException | Error e) {
            app.close();
            throw e;
        }
        return app;
    }

    int port() {
        return port;
    }

    /** From launch to the first 200 on {@code GET /}. */
    Duration startTime() {
        return startTime;
    }

    /** Everything the app printed so far (stdout and stderr), one entry per line. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return client.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends SIGTERM as CF does when it stops an instance. Through the process handle, because
     * {@link Process#destroy()} also closes our end of the output pipe, losing what the app prints while stopping.
     */
    void sigterm() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end by itself, and for its last line of output, and returns its exit status. */
    int awaitExit(Duration timeout) {
        await("test app on port " + port + " exiting").atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> !process.isAlive() && outputEnded.isDone());
        return process.exitValue();
    }

    /** Ends the process: SIGTERM first, as CF does, then SIGKILL if it is still there after 5 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitAnswering() {
        await("test app answering GET / on port " + port)
                .atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .failFast("test app exited before answering", () -> !process.isAlive())
                .until(this::answersRoot);
        startTime = Duration.ofNanos(System.nanoTime() - launchedAtNanos);
    }

    private boolean answersRoot() {
        try {
            return client.send(request("/").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("request failed: " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void collectOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException streamClosed) {
            // The process ended; what was read is kept.
        } finally {
            outputEnded.complete(null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
