package vigil.testapp.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test app's entry point ({@code Main-Class} of the packed JAR). Runs in its own JVM on a real CF
 * or the embedded CF, so it, like every class of this package, uses the JDK only.
 */
public final class TestApp implements AutoCloseable {

    /** Where the packer puts the version marker inside the JAR. */
    public static final String VERSION_RESOURCE = "vigil-testapp/version.txt";
    static final String NO_VERSION = "unversioned";

    /** Enough for probes at 10+ Hz next to a few slow {@code /sleep} requests; threads start on demand. */
    private static final int HTTP_THREADS = 32;
    /** Seconds that stopping waits for requests in flight; CF kills the process 10 s after SIGTERM. */
    private static final int STOP_DELAY_SECONDS = 1;

    private final AppEnvironment environment;
    private final HttpServer server;
    private final ExecutorService executor;
    private final PrintStream out;
    private volatile CounterLog counterLog;

    private TestApp(AppEnvironment environment, HttpServer server, ExecutorService executor, PrintStream out) {
        this.environment = environment;
        this.server = server;
        this.executor = executor;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        // Without TCP_NODELAY the JDK's server makes every small response wait ~40 ms for a delayed ACK;
        // probes measuring latency at 10 Hz would measure that. It is read once, before the server loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Map<String, String> variables = System.getenv();
        if ("true".equals(variables.get(SyslogListener.SWITCH))) {
            SyslogListener.serve(AppEnvironment.from(variables).port(), System.out);
            return;
        }
        TestApp app = create(AppEnvironment.from(variables), variables, version(), System.out);
        // Before serving: once the app answers, a SIGTERM must already find the hook in place.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "vigil-testapp-shutdown"));
        app.start();
    }

    /** Binds the port and prepares everything; {@link #start()} begins serving. */
    static TestApp create(AppEnvironment environment, Map<String, String> variables, String version, PrintStream out)
            throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads("vigil-testapp-http-"));
        Endpoints endpoints = new Endpoints(environment, variables, version, new AppSwitches(), out, TestApp::crash);
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", environment.port()), 0);
        // VIGIL_TESTAPP_ROLE makes the app a service broker or a route service as well (see those classes).
        String role = variables.getOrDefault("VIGIL_TESTAPP_ROLE", "");
        switch (role) {
            case "" -> server.createContext("/", endpoints);
            case "broker" -> {
                server.createContext("/", endpoints);
                server.createContext("/v2/", new TestBroker(variables));
            }
            case "route-service" -> {
                System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
                server.createContext("/", new RouteServiceForwarder(endpoints, environment.instanceId(),
                        variables.get("VIGIL_ROUTER_ADDRESS")));
            }
            default -> throw new IllegalArgumentException("VIGIL_TESTAPP_ROLE must be broker or route-service, was '"
                    + role + "'");
        }
        server.setExecutor(executor);
        return new TestApp(environment, server, executor, out);
    }

    void start() {
        server.start();
        if (environment.counterLogEvery() != null) {
            counterLog = new CounterLog(environment.counterLogEvery(), out, Clock.systemUTC());
        }
        out.println("vigil-testapp listening on port " + server.getAddress().getPort()
                + " (instance " + environment.instanceIndex() + ")");
    }

    /** Stops serving: waits briefly for requests in flight, as CF's SIGTERM before SIGKILL allows. */
    @Override
    public void close() {
        out.println("vigil-testapp stopping");
        CounterLog log = counterLog;
        if (log != null) {
            log.close();
        }
        server.stop(STOP_DELAY_SECONDS);
        executor.shutdownNow();
    }

    /** The marker the packer baked into the JAR, or "unversioned" when the app runs from plain classes. */
    static String version() throws IOException {
        try (InputStream stream = TestApp.class.getClassLoader().getResourceAsStream(VERSION_RESOURCE)) {
            return stream == null ? NO_VERSION : new String(stream.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** An abrupt exit, as a real crash is: no shutdown hook, no graceful stop; the answer is already out. */
    private static void crash() {
        System.out.println("vigil-testapp crashing on request (exit status 1)");
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
