package vigil.sim.network;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vigil.sim.api.NetworkRoutes;
import vigil.sim.api.TcpPortReservations;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.InstanceStatus;

/**
 * The TCP router of the embedded CF (routing-release's tcp_router, HAProxy in real CF): one listening socket
 * on {@code 127.0.0.1:PORT} per TCP route port, opened when the Cloud Controller makes the route. Each
 * connection goes to the next routable instance of the apps mapped to the route (round robin) and the bytes
 * are forwarded both ways untouched; with no such instance the connection is reset. A port whose route is
 * gone is closed within a second. {@link #close()} closes every listener and every forwarded connection.
 *
 * <p>Clients connect to the config's {@code tcp_router_address} (here {@code 127.0.0.1}) on the route's port,
 * as they connect to the TCP domain's load balancer in real CF.
 */
public final class TcpRouter implements TcpPortReservations, AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A port opened for a route being made is kept this long before the route shows in the CC (milliseconds later). */
    private static final Duration CREATION_GRACE = Duration.ofSeconds(2);
    private static final long RECONCILE_MILLIS = 500;

    private final NetworkRoutes routes;
    private final Backends backends;
    private final ExecutorService threads = Threads.cached("sim-tcp-router");
    private final ScheduledExecutorService reconciler = Threads.single("sim-tcp-router-reconcile");
    private final Splices splices = new Splices(threads);
    private final Map<Integer, Listener> listeners = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile boolean firstInstanceOnly;
    private volatile boolean oneAnswerPerConnection;
    private volatile boolean staleBackends;
    /** The instances each port's route led to when first asked, kept while {@link #staleBackends} is on. */
    private final Map<Integer, List<InstanceStatus>> firstSeenInstances = new ConcurrentHashMap<>();

    private TcpRouter(NetworkRoutes routes, AppRuntime cells) {
        this.routes = routes;
        this.backends = new Backends(cells);
    }

    /** Starts the router and registers it with the Cloud Controller as the opener of TCP route ports. */
    public static TcpRouter start(NetworkRoutes routes, AppRuntime cells) {
        TcpRouter router = new TcpRouter(routes, cells);
        router.reconciler.scheduleWithFixedDelay(router::closeUnrouted, RECONCILE_MILLIS, RECONCILE_MILLIS,
                TimeUnit.MILLISECONDS);
        routes.tcpRouter(router);
        return router;
    }

    /** The host clients connect to, with a route's port: {@code tcp_router_address} in the sim's config. */
    public String address() {
        return LOOPBACK.getHostAddress();
    }

    @Override
    public synchronized int open(int port) {
        if (closed || (port > 0 && listeners.containsKey(port))) {
            return -1;
        }
        try {
            Listener listener = Listener.open(new InetSocketAddress(LOOPBACK, port), threads, this::forward);
            listeners.put(listener.port(), listener);
            return listener.port();
        } catch (IOException taken) {
            return -1;
        }
    }

    /** The ports listened on now. */
    public Set<Integer> ports() {
        return Set.copyOf(listeners.keySet());
    }

    /** <b>Test-only fault</b>: every connection goes to the first routable instance; the others get none. */
    public void firstInstanceOnlyForTests(boolean on) {
        firstInstanceOnly = on;
    }

    /**
     * <b>Test-only fault</b>: the connection is closed after the app's first answer, as a router that forwards
     * one read instead of a stream would; one request and one answer per connection still work.
     */
    public void oneAnswerPerConnectionForTests(boolean on) {
        oneAnswerPerConnection = on;
    }

    /**
     * <b>Test-only fault</b>: the router keeps the instances a route's port led to when it first carried a
     * connection, as a router whose routing table is never updated; once a deploy replaced them, nothing answers.
     */
    public void staleBackendsForTests(boolean on) {
        staleBackends = on;
        firstSeenInstances.clear();
    }

    private void forward(Socket client) {
        int port = client.getLocalPort();
        Optional<InstanceStatus> instance = staleBackends ? stale(port)
                : firstInstanceOnly ? backends.first(routes.tcpTargets(port))
                : backends.next(routes.tcpTargets(port));
        splices.forward(client, closed ? Optional.empty() : instance, CONNECT_TIMEOUT, oneAnswerPerConnection);
    }

    private Optional<InstanceStatus> stale(int port) {
        List<InstanceStatus> known = firstSeenInstances.computeIfAbsent(port, p -> backends.routable(routes.tcpTargets(p)));
        return known.isEmpty() ? Optional.empty() : Optional.of(known.get(0));
    }

    private synchronized void closeUnrouted() {
        Set<Integer> routed = routes.tcpPorts();
        Instant graceEnd = Instant.now().minus(CREATION_GRACE);
        listeners.entrySet().removeIf(entry -> {
            if (routed.contains(entry.getKey()) || entry.getValue().opened().isAfter(graceEnd)) {
                return false;
            }
            entry.getValue().close();
            return true;
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        reconciler.shutdownNow();
        listeners.values().forEach(Listener::close);
        listeners.clear();
        splices.closeAll();
        threads.shutdownNow();
    }
}
