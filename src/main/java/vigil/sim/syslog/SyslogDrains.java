package vigil.sim.syslog;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.sim.api.AppSyslogDrain;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.LogLine;

/**
 * The embedded CF's syslog agent. Every log line an app writes (also staging, cell and CC lines, as in CF) goes
 * to each syslog drain bound to the app at that moment, one writer per binding. A drain URL that cannot work
 * (another scheme, no port) is said once in the app's log and skipped.
 *
 * <pre>{@code
 * try (SyslogDrains drains = SyslogDrains.start(cells, cc::syslogDrains, Clock.systemUTC())) {
 *     // bind a user-provided service with syslog_drain_url syslog://127.0.0.1:PORT to an app:
 *     // its lines arrive there as "LENGTH <14>1 TIMESTAMP org.space.app APP-GUID [APP/PROC/WEB/0] - [tags@47450 ...] text"
 * }
 * }</pre>
 */
public final class SyslogDrains implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogDrains.class);

    private final AppRuntime runtime;
    private final BiFunction<String, Boolean, List<AppSyslogDrain>> drainsOf;
    private final Clock clock;
    private final ExecutorService threads;
    private final Map<String, DrainWriter> writers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refused = new ConcurrentHashMap<>();
    private final AtomicBoolean withoutOctetCounting = new AtomicBoolean();
    private final AtomicBoolean stderrAsInfo = new AtomicBoolean();
    private final AtomicBoolean spaceWide = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private AutoCloseable subscription;
    /** The host a drain URL's host is dialled at: itself, unless it names a TCP domain (see dialTcpDomainsAt). */
    private volatile UnaryOperator<String> dialHost = UnaryOperator.identity();

    private SyslogDrains(AppRuntime runtime, BiFunction<String, Boolean, List<AppSyslogDrain>> drainsOf, Clock clock) {
        this.runtime = runtime;
        this.drainsOf = drainsOf;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "vigil-sim-syslog-drain-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param drainsOf the drains bound to an app now, by app GUID (the Cloud Controller's bindings); the flag is the
     *                 test-only fault of drains bound per space instead of per app
     */
    public static SyslogDrains start(AppRuntime runtime, BiFunction<String, Boolean, List<AppSyslogDrain>> drainsOf,
                                     Clock clock) {
        SyslogDrains drains = new SyslogDrains(runtime, drainsOf, clock);
        drains.subscription = runtime.subscribeLogs(drains::route);
        return drains;
    }

    /**
     * Drains named by a TCP domain ({@code syslog://tcp.vigil.test:PORT}, a TCP route's address, as CATS binds its
     * listener) are dialled at the TCP router, which forwards them to the route's app. In real CF the TCP domain's
     * DNS name leads to the TCP router's load balancer; the embedded CF has no DNS for it, so its syslog agent looks
     * the host up among the Cloud Controller's TCP domains instead. TLS still verifies the URL's own host name.
     */
    public void dialTcpDomainsAt(Predicate<String> isTcpDomain, String routerAddress) {
        dialHost = host -> isTcpDomain.test(host) ? routerAddress : host;
    }

    /** <b>Test-only fault</b>: messages go out one per line (non-transparent framing), not octet-counted. */
    public void sendWithoutOctetCounting(boolean on) {
        withoutOctetCounting.set(on);
    }

    /** <b>Test-only fault</b>: stderr lines go out with priority 14 (user.info) instead of 11 (user.err). */
    public void sendStderrAsInfo(boolean on) {
        stderrAsInfo.set(on);
    }

    /** <b>Test-only fault</b>: a drain bound to an app gets the lines of every app in its space. */
    public void drainWholeSpaces(boolean on) {
        spaceWide.set(on);
    }

    private SyslogFormat.Variant variant() {
        return new SyslogFormat.Variant(!withoutOctetCounting.get(), stderrAsInfo.get());
    }

    private void route(LogLine line) {
        if (closed.get()) {
            return;
        }
        List<AppSyslogDrain> drains;
        try {
            drains = drainsOf.apply(line.appGuid(), spaceWide.get());
        } catch (RuntimeException e) {
            LOG.debug("no drains looked up for app {}: {}", line.appGuid(), e.getMessage());
            return;
        }
        for (AppSyslogDrain drain : drains) {
            String key = drain.bindingGuid() + " " + drain.url();
            if (refused.containsKey(key) || !usable(drain, key)) {
                continue;
            }
            while (!writers.computeIfAbsent(key, k -> newWriter(drain, k)).offer(line)) {
                writers.remove(key);
            }
        }
    }

    private boolean usable(AppSyslogDrain drain, String key) {
        String why;
        try {
            why = DrainConnection.unusable(URI.create(drain.url()));
        } catch (IllegalArgumentException e) {
            why = "not a URL: " + e.getMessage();
        }
        if (why != null && refused.putIfAbsent(key, Boolean.TRUE) == null) {
            runtime.appendLog(new LogLine(clock.instant(), drain.appGuid(), "LGR", "", true,
                    "syslog drain " + drain.bindingGuid() + ": " + why));
        }
        return why == null;
    }

    private DrainWriter newWriter(AppSyslogDrain drain, String key) {
        DrainWriter[] self = new DrainWriter[1];
        self[0] = new DrainWriter(drain, dialHost, this::variant, runtime::appendLog, clock,
                () -> writers.remove(key, self[0]));
        threads.execute(self[0]);
        return self[0];
    }

    /** Stops taking lines and ends every writer and its connection. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing the log subscription: {}", e.getMessage());
            }
            writers.values().forEach(DrainWriter::stop);
            threads.shutdownNow();
        }
    }
}
