package vigil.sim.router;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny app instance for the router tests: answers its own id and
 * records every request it gets, so a test can see what the router sent. It can be told to answer
 * something else, or to hang until it is closed.
 */
final class TestBackend implements AutoCloseable {

    /** A request as the backend saw it. */
    record Seen(String method, String rawUri, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** What to answer; the default answers 200 with the backend's id. */
    interface Answer {
        void write(HttpExchange exchange, String id) throws IOException;
    }

    private final String id;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-backend");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Answer answer = TestBackend::answerId;

    private TestBackend(String id) throws IOException {
        this.id = id;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static TestBackend start(String id) throws IOException {
        return new TestBackend(id);
    }

    int port() {
        return server.getAddress().getPort();
    }

    String id() {
        return id;
    }

    /** This backend as an instance of an app. */
    Backend as(String appGuid, int index) {
        return new Backend(appGuid, index, id, "127.0.0.1", port());
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    Seen lastRequest() {
        return seen.get(seen.size() - 1);
    }

    void answer(Answer next) {
        this.answer = next;
    }

    /** Receives requests but never answers until closed: a backend that stopped responding. */
    void hang() {
        answer((exchange, ownId) -> {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Headers headers = new Headers();
            headers.putAll(exchange.getRequestHeaders());
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
            answer.write(exchange, id);
        }
    }

    private static void answerId(HttpExchange exchange, String id) throws IOException {
        write(exchange, 200, id);
    }

    static void write(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
