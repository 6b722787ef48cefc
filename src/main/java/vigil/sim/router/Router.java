package vigil.sim.router;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import vigil.sim.http.ConnectionCloseEcho;
import vigil.sim.http.Transport;

/**
 * The embedded CF's router: a gorouter-like HTTP proxy on its own port of 127.0.0.1. Clients reach
 * an app by connecting here and naming the route in {@code Host}, which is what {@code router_address}
 * in the configuration means.
 *
 * <pre>{@code
 * try (Router router = Router.start(0, (host, path) -> routes.backends(host, path))) {
 *     String routerAddress = router.address(); // "127.0.0.1:PORT"
 * }
 * }</pre>
 */
public final class Router implements AutoCloseable {

    private static final InetAddress LOOPBACK = loopbackV4();
    // Pending connections the OS may queue while every thread is busy; probes arrive in bursts.
    private static final int BACKLOG = 128;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String scheme;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Router(HttpServer server, ExecutorService executor, String scheme) {
        this.server = server;
        this.executor = executor;
        this.scheme = scheme;
    }

    /**
     * Binds 127.0.0.1 and starts serving.
     *
     * @param port 0 picks a free port
     * @param resolver where a host and path may go; asked on every request, so route changes apply at once
     */
    public static Router start(int port, RouteResolver resolver) throws IOException {
        return start(port, resolver, RouterOptions.DEFAULTS);
    }

    /**
     * As {@link #start(int, RouteResolver)}, with a seam for injected faults.
     *
     * @param failures the share of routed requests to fail with 502 endpoint_failure, asked on every request
     */
    public static Router start(int port, RouteResolver resolver, InjectedFailures failures) throws IOException {
        return start(port, resolver, failures, Transport.PLAIN);
    }

    /** As {@link #start(int, RouteResolver, InjectedFailures)}, serving HTTPS when the transport says so. */
    public static Router start(int port, RouteResolver resolver, InjectedFailures failures, Transport transport)
            throws IOException {
        Objects.requireNonNull(failures, "failures");
        return start(port, resolver, RouterOptions.DEFAULTS.withFilter(new FailingShare(failures)), transport);
    }

    static Router start(int port, RouteResolver resolver, RouterOptions options) throws IOException {
        return start(port, resolver, options, Transport.PLAIN);
    }

    private static Router start(int port, RouteResolver resolver, RouterOptions options, Transport transport)
            throws IOException {
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(options, "options");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        HttpServer server = transport.create(new InetSocketAddress(LOOPBACK, port), BACKLOG);
        ExecutorService executor = requestThreads(options.maxThreads());
        server.setExecutor(executor);
        server.createContext("/", new ProxyHandler(resolver, options, Clock.systemUTC())).getFilters()
                .add(new ConnectionCloseEcho());
        server.start();
        return new Router(server, executor, transport.scheme());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} (or {@code https://}), without a trailing slash. */
    public URI uri() {
        return URI.create(scheme + "://" + address());
    }

    /** {@code 127.0.0.1:PORT}: the value for {@code router_address}. */
    public String address() {
        return LOOPBACK.getHostAddress() + ":" + port();
    }

    /** Stops accepting, drops open connections, abandons requests in flight and frees the port. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /**
     * A bounded pool that shrinks to nothing when idle: each request holds a thread while it waits for
     * its backend, so a few slow apps must not be able to make the JVM start threads without limit.
     */
    private static ExecutorService requestThreads(int maxThreads) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threadFactory());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "vigil-sim-router-" + counter.incrementAndGet());
            // Daemon: a forgotten close() must not keep the JVM alive after the harness is done.
            thread.setDaemon(true);
            return thread;
        };
    }

    private static InetAddress loopbackV4() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
