package vigil.availability.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The target of the bench: answers 200 at once, or 503 inside an outage window armed with a known length. */
final class BenchServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile long outageFromNanos = Long.MAX_VALUE;
    private volatile long outageUntilNanos = Long.MAX_VALUE;

    BenchServer(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        server.createContext("/", this::handle);
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers 503 to every request arriving from {@code delay} after now, for exactly {@code length}. */
    void outage(Duration delay, Duration length) {
        long from = System.nanoTime() + delay.toNanos();
        outageUntilNanos = from + length.toNanos();
        outageFromNanos = from;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("X-Vigil-Instance", "bench-0");
            if ("close".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Connection"))) {
                exchange.getResponseHeaders().set("Connection", "close"); // as RFC 9112 9.6 asks, and gorouter does
            }
            exchange.sendResponseHeaders(now >= outageFromNanos && now < outageUntilNanos ? 503 : 200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
