package vigil.availability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local HTTP server whose outages are injected: from {@code delay} after {@link #outage} is called,
 * for {@code length}, it answers 503 or never answers; otherwise 200 with {@code X-Vigil-Instance}. Times are
 * taken on arrival of each request, so the truth is known to within the server's own scheduling.
 */
final class FakeServer implements AutoCloseable {
    enum Failure { HTTP_503, HANG }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-server");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicReference<String> instance = new AtomicReference<>("instance-a");
    private volatile long armedNanos;
    private volatile long outageDelayNanos = Long.MAX_VALUE;
    private volatile long outageLengthNanos;
    private volatile Failure failure = Failure.HTTP_503;
    private volatile String lastHost;

    private FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static FakeServer start() throws IOException {
        return new FakeServer();
    }

    /** Fails every request that arrives from {@code delay} after now, for {@code length}. */
    FakeServer outage(Duration delay, Duration length, Failure kind) {
        this.failure = kind;
        this.outageLengthNanos = length.toNanos();
        this.armedNanos = System.nanoTime();
        this.outageDelayNanos = delay.toNanos();
        return this;
    }

    void instance(String id) {
        instance.set(id);
    }

    /** The Host header of the latest request. */
    String lastHost() {
        return lastHost;
    }

    long requests() {
        return requests.get();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        requests.incrementAndGet();
        lastHost = exchange.getRequestHeaders().getFirst("Host");
        long sinceArmed = now - armedNanos;
        boolean failing = sinceArmed >= outageDelayNanos && sinceArmed < outageDelayNanos + outageLengthNanos;
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (failing && failure == Failure.HANG) {
                // Never answers while the test runs: the probe must give up on its own.
                closing.await(30, TimeUnit.SECONDS);
                return;
            }
            exchange.getResponseHeaders().add("X-Vigil-Instance", instance.get());
            if ("close".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Connection"))) {
                exchange.getResponseHeaders().set("Connection", "close"); // as RFC 9112 9.6 asks, and gorouter does
            }
            exchange.sendResponseHeaders(failing ? 503 : 200, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
