package vigil.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JDK {@link HttpServer} bound to 127.0.0.1 only: the sim must never be reachable from
 * other machines, since it hands out admin tokens to anyone who asks with the password.
 * Requests are served on a small thread pool so that a slow request does not block the others.
 */
public final class LoopbackServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackServer.class);
    private static final InetAddress LOOPBACK = loopbackV4();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String scheme;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoopbackServer(HttpServer server, ExecutorService executor, String scheme) {
        this.server = server;
        this.executor = executor;
        this.scheme = scheme;
    }

    /**
     * Binds the port without serving yet: components need their own URL (which holds the port)
     * before they can build their handler, e.g. the UAA's token issuer.
     *
     * @param port 0 picks a free port
     * @param name names the threads, so a thread dump shows which component is busy
     */
    public static LoopbackServer bind(int port, String name) throws IOException {
        return bind(port, name, Transport.PLAIN);
    }

    /** As {@link #bind(int, String)}, serving HTTPS when the transport says so. */
    public static LoopbackServer bind(int port, String name, Transport transport) throws IOException {
        HttpServer server = transport.create(new InetSocketAddress(LOOPBACK, port), 0);
        ExecutorService executor = Executors.newCachedThreadPool(threads(name));
        server.setExecutor(executor);
        return new LoopbackServer(server, executor, transport.scheme());
    }

    /** Starts serving every path with the handler; call once. */
    public void serve(Handler handler) {
        server.createContext("/", exchange -> answer(exchange, handler)).getFilters().add(new ConnectionCloseEcho());
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} (or {@code https://}), without a trailing slash. */
    public URI uri() {
        return URI.create(scheme + "://" + LOOPBACK.getHostAddress() + ":" + port());
    }

    /** Stops accepting, drops open connections and frees the port. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private static void answer(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = handler.handle(toRequest(exchange));
            } catch (RuntimeException e) {
                // Components answer their own errors in their own format; this is the last resort.
                LOG.error("unhandled error serving {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
                response = Response.empty(500);
            }
            send(exchange, response);
        }
    }

    private static Request toRequest(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        return new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body);
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "vigil-sim-" + name + "-" + counter.incrementAndGet());
            // Daemon: a forgotten close() must not keep the JVM alive after the harness is done.
            thread.setDaemon(true);
            return thread;
        };
    }

    private static InetAddress loopbackV4() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
