package vigil.sim.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.sim.api.NetworkRoutes;
import vigil.sim.api.RouteTarget;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.InstanceStatus;

/**
 * Container-to-container networking of the embedded CF: an app reaches another at
 * {@code http://<host>.apps.internal:8080/} (an internal route) only while a network policy allows it, with
 * no change to the app's code and the JDK's own name resolution and HTTP clients at their defaults.
 *
 * <p><b>How.</b> Real CF gives each container an overlay IP, serves {@code apps.internal} names from its DNS
 * and lets packets through only where a policy allows. The sim's instances are plain processes on
 * 127.0.0.1, so the overlay is made of loopback addresses and the JDK's hosts-file name service:
 * <ul>
 *   <li>Every instance JVM started from a droplet gets {@code -Djdk.net.hosts.file=<file of its app>}: the JDK
 *       (9 and later; documented from 18) then resolves names from that file only. The file maps
 *       {@code localhost}, this machine's name, and every internal route's hostname to an address of its own
 *       for that source app: a random {@code 127.a.b.c} (Linux routes all of 127/8 to the loopback).</li>
 *   <li>On each such address the network listens on port 8080. A connection there comes from the file's app
 *       (nothing else was told the address) to the hostname it was given for; it is let through to the next
 *       routable instance of a destination app (the instance's real port) only if a policy allows the source
 *       to reach that app's port 8080, and is reset otherwise. Policies are read per connection, so a change
 *       counts for the next connection; connections already open stay open, as established flows do on CF.</li>
 *   <li>{@code -Djava.security.properties} sets the JDK's DNS cache lifetimes to 0, so a name looked up before
 *       its route was mapped resolves as soon as it is, as with service discovery's zero TTL.</li>
 * </ul>
 * The files are rewritten atomically within 250 ms of an internal route's creation or deletion.
 *
 * <p><b>Limits.</b> Only JVMs the sim starts from a droplet ({@code java -jar}) are on the network: a custom
 * start command and tasks are not (so {@code curl} in a task cannot reach {@code apps.internal}). Such an app
 * resolves no other name (the sim's apps have no DNS anyway). Only port 8080 is served, as the destination
 * container port of every internal route; {@code <index>.<host>.apps.internal} names are not served. A denied
 * connection is reset at once, where CF drops packets and the client's connect times out; either is a failed
 * connection for the client. When a program on this machine listens on {@code *:8080}, no loopback address can
 * take port 8080: internal hostnames then do not resolve (logged once) and apps run as in a CF without
 * container networking.
 */
public final class ContainerNetwork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerNetwork.class);
    private static final long RECONCILE_MILLIS = 250;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final String SECURITY_FILE = "dns-ttl.security";

    private final NetworkRoutes routes;
    private final Backends backends;
    private final Path directory;
    private final String machineName;
    private final ExecutorService threads = Threads.cached("sim-container-network");
    private final ScheduledExecutorService reconciler = Threads.single("sim-container-network-reconcile");
    private final Splices splices = new Splices(threads);
    /** Source app GUID to its hostnames' listeners (by hostname); an app is here once one of its JVMs started. */
    private final Map<String, Map<String, Overlay>> sources = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** Hostnames whose overlay could not be bound, each logged once. */
    private final Set<String> unbindable = ConcurrentHashMap.newKeySet();

    /** One source app's view of one internal hostname: the address its hosts file gives, and what listens there. */
    private record Overlay(String address, Listener listener) {
    }

    private ContainerNetwork(NetworkRoutes routes, AppRuntime cells, Path directory, String machineName) {
        this.routes = routes;
        this.backends = new Backends(cells);
        this.directory = directory;
        this.machineName = machineName;
    }

    public static ContainerNetwork start(NetworkRoutes routes, AppRuntime cells) throws IOException {
        Path directory = Files.createTempDirectory("vigil-sim-network-");
        Files.writeString(directory.resolve(SECURITY_FILE),
                "networkaddress.cache.ttl=0\nnetworkaddress.cache.negative.ttl=0\n", StandardCharsets.UTF_8);
        ContainerNetwork network = new ContainerNetwork(routes, cells, directory, machineName());
        network.reconciler.scheduleWithFixedDelay(network::reconcileQuietly, RECONCILE_MILLIS, RECONCILE_MILLIS,
                TimeUnit.MILLISECONDS);
        return network;
    }

    /**
     * The JVM flags that put an instance of the app on the network; writes the app's hosts file first, so the
     * instance resolves every internal route that exists when it starts.
     */
    public synchronized List<String> jvmFlags(String appGuid) {
        if (closed) {
            return List.of();
        }
        try {
            sources.computeIfAbsent(appGuid, guid -> new ConcurrentHashMap<>());
            update(appGuid, routes.internalHostnames());
        } catch (RuntimeException e) {
            // An app that cannot join the network still runs, as it would in a CF without container networking.
            LOG.warn("app {} starts without container networking: {}", appGuid, e.getMessage());
            sources.remove(appGuid);
            return List.of();
        }
        return List.of("-Djdk.net.hosts.file=" + hostsFile(appGuid),
                "-Djava.security.properties=" + directory.resolve(SECURITY_FILE));
    }

    /** How many overlay addresses listen now (for tests: nothing is left open after close). */
    public int listeners() {
        return sources.values().stream().mapToInt(Map::size).sum();
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            // A failed round (a file that could not be written) is tried again in the next one.
        }
    }

    private synchronized void reconcile() {
        if (closed) {
            return;
        }
        Set<String> hostnames = routes.internalHostnames();
        for (String app : List.copyOf(sources.keySet())) {
            if (routes.appExists(app)) {
                update(app, hostnames);
            } else {
                sources.remove(app).values().forEach(overlay -> overlay.listener().close());
                deleteQuietly(hostsFile(app));
            }
        }
    }

    /** Opens an address for each new hostname, closes those of hostnames gone, and rewrites the file if needed. */
    private void update(String app, Set<String> hostnames) {
        Map<String, Overlay> overlays = sources.get(app);
        boolean changed = !Files.exists(hostsFile(app));
        for (String gone : List.copyOf(overlays.keySet())) {
            if (!hostnames.contains(gone)) {
                overlays.remove(gone).listener().close();
                changed = true;
            }
        }
        for (String hostname : hostnames) {
            if (!overlays.containsKey(hostname)) {
                Optional<Overlay> opened = open(app, hostname);
                if (opened.isPresent()) {
                    overlays.put(hostname, opened.get());
                    changed = true;
                }
            }
        }
        if (changed) {
            writeHostsFile(app, overlays);
        }
    }

    /**
     * A fresh random loopback address with port 8080 free; another is tried if one is taken. None when port 8080
     * is taken on every address (a program listening on *:8080): the hostname then stays unresolvable for this
     * app, said once in the log, and is tried again in the next round.
     */
    private Optional<Overlay> open(String app, String hostname) {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String address = "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
            try {
                Listener listener = Listener.open(new InetSocketAddress(InetAddress.getByName(address),
                        NetworkRoutes.CONTAINER_PORT), threads, client -> connect(app, hostname, client));
                return Optional.of(new Overlay(address, listener));
            } catch (IOException taken) {
                last = taken;
            }
        }
        if (unbindable.add(hostname)) {
            LOG.warn("container network: no loopback address with port {} free for {} ({}); is a program listening"
                    + " on *:{}?", NetworkRoutes.CONTAINER_PORT, hostname, last == null ? "" : last.getMessage(),
                    NetworkRoutes.CONTAINER_PORT);
        }
        return Optional.empty();
    }

    private void connect(String source, String hostname, Socket client) {
        List<RouteTarget> allowed = new ArrayList<>();
        for (RouteTarget target : routes.internalTargets(hostname)) {
            if (routes.allows(source, target.appGuid(), NetworkRoutes.CONTAINER_PORT)) {
                allowed.add(target);
            }
        }
        Optional<InstanceStatus> instance = backends.next(allowed);
        splices.forward(client, closed ? Optional.empty() : instance, CONNECT_TIMEOUT, false);
    }

    private void writeHostsFile(String app, Map<String, Overlay> overlays) {
        StringBuilder text = new StringBuilder("127.0.0.1 localhost\n::1 localhost\n");
        if (machineName != null) {
            text.append("127.0.0.1 ").append(machineName).append('\n');
        }
        Map<String, Overlay> sorted = new HashMap<>(overlays);
        sorted.keySet().stream().sorted().forEach(hostname ->
                text.append(sorted.get(hostname).address()).append(' ').append(hostname).append('\n'));
        Path file = hostsFile(app);
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            // A JVM reads the file on every lookup: it must never see half of it.
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Path hostsFile(String app) {
        return directory.resolve(app + ".hosts");
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The whole directory goes on close.
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        reconciler.shutdownNow();
        sources.values().forEach(overlays -> overlays.values().forEach(overlay -> overlay.listener().close()));
        sources.clear();
        splices.closeAll();
        threads.shutdownNow();
        try (var files = Files.list(directory)) {
            for (Path file : files.collect(Collectors.toList())) {
                deleteQuietly(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // A temp directory left behind holds no secret; the OS cleans /tmp.
        }
    }
}
