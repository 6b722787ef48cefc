package vigil.testapp.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Every endpoint of the test app behind one handler; the list is in the package documentation. */
final class Endpoints implements HttpHandler {

    static final String INSTANCE_HEADER = "X-Vigil-Instance";
    static final long MAX_SLEEP_MILLIS = 60_000;

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";

    /**
     * What to answer, when, and what to do once the answer is out (only {@code /crash} does something).
     * {@code delayMillis} above 0 answers later from a timer, so a slow answer holds no HTTP thread.
     */
    private record Reply(int status, String contentType, String body, Runnable afterwards, long delayMillis) {
        static Reply text(int status, String body) {
            return new Reply(status, TEXT, body, null, 0);
        }
    }

    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigil-testapp-delayed-answers");
        thread.setDaemon(true);
        return thread;
    });

    private final AppEnvironment environment;
    private final Map<String, String> variables;
    private final String version;
    private final AppSwitches switches;
    private final PrintStream out;
    private final Runnable crash;

    /**
     * @param variables the environment variables that {@code /env} shows
     * @param crash     what {@code /crash} does after answering: in the app, exiting the JVM with status 1
     */
    Endpoints(AppEnvironment environment, Map<String, String> variables, String version, AppSwitches switches,
              PrintStream out, Runnable crash) {
        this.environment = environment;
        this.variables = new TreeMap<>(variables);
        this.version = version;
        this.switches = switches;
        this.out = out;
        this.crash = crash;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        Reply reply = switch (method) {
            case "GET", "HEAD", "POST" -> route(exchange.getRequestURI().getPath());
            default -> {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                yield Reply.text(405, "method not allowed: " + method);
            }
        };
        if (reply.delayMillis() > 0) {
            LATER.schedule(() -> answer(exchange, reply, method), reply.delayMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        answer(exchange, reply, method);
    }

    private void answer(HttpExchange exchange, Reply reply, String method) {
        try (exchange) {
            send(exchange, reply, method.equals("HEAD"));
            if (reply.afterwards() != null) {
                exchange.close();
                reply.afterwards().run();
            }
        } catch (IOException clientGone) {
            // The client hung up before the answer: nothing left to tell it.
        }
    }

    private Reply route(String path) {
        switch (path) {
            case "/":
                return Reply.text(200, "Hi, I'm " + environment.appName() + " instance " + environment.instanceIndex() + "!");
            case "/id":
                return Reply.text(200, environment.instanceId());
            case "/index":
                return Reply.text(200, environment.instanceIndex());
            case "/env.json":
                return new Reply(200, JSON, JsonText.object(variables), null, 0);
            case "/health":
                return switches.healthy() ? Reply.text(200, "ok") : Reply.text(500, "unhealthy");
            case "/health/fail":
                switches.healthy(false);
                return Reply.text(200, "health now failing");
            case "/health/ok":
                switches.healthy(true);
                return Reply.text(200, "health now ok");
            case "/ready":
                return switches.ready() ? Reply.text(200, "ready") : Reply.text(503, "not ready");
            case "/ready/off":
                switches.ready(false);
                return Reply.text(200, "readiness now off");
            case "/ready/on":
                switches.ready(true);
                return Reply.text(200, "readiness now on");
            case "/version":
                return Reply.text(200, version);
            case "/counter":
                return Reply.text(200, Long.toString(switches.incrementCounter()));
            case "/crash":
                return new Reply(200, TEXT, "crashing", crash, 0);
            default:
                return routeWithParameter(path);
        }
    }

    private Reply routeWithParameter(String path) {
        if (path.startsWith("/env/") && path.length() > "/env/".length()) {
            String name = path.substring("/env/".length());
            String value = variables.get(name);
            return value == null ? Reply.text(404, "env var " + name + " is not set") : Reply.text(200, value);
        }
        if (path.startsWith("/ready/off/")) {
            return readinessOffFor(path.substring("/ready/off/".length()));
        }
        if (path.startsWith("/sidecar/") && path.endsWith("/stop") && path.length() > "/sidecar//stop".length()) {
            return stopSidecar(path.substring("/sidecar/".length(), path.length() - "/stop".length()));
        }
        if (path.startsWith("/sidecar/") && path.length() > "/sidecar/".length()) {
            return sidecarFile(path.substring("/sidecar/".length()));
        }
        if (path.startsWith("/sleep/")) {
            return sleep(path.substring("/sleep/".length()));
        }
        // syslog drains (issue 13): a line on stderr, which CF's log stream and drains mark as an error
        if (path.startsWith("/log-stderr/") && path.length() > "/log-stderr/".length()) {
            String line = path.substring("/log-stderr/".length()).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
            System.err.println(line);
            return Reply.text(200, line);
        }
        if (path.startsWith("/log/") && path.length() > "/log/".length()) {
            String line = path.substring("/log/".length()).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
            out.println(line);
            return Reply.text(200, line);
        }
        return Reply.text(404, "not found: " + path);
    }

    /**
     * Not ready for a while, then ready again by itself: a platform that takes a not-ready instance out of the
     * routes sends it no request to turn readiness back on with.
     */
    private Reply readinessOffFor(String millisText) {
        long millis;
        try {
            millis = Long.parseLong(millisText);
        } catch (NumberFormatException e) {
            return Reply.text(400, "ready/off wants a number of milliseconds, got '" + millisText + "'");
        }
        if (millis < 1 || millis > MAX_SLEEP_MILLIS) {
            return Reply.text(400, "ready/off wants 1 to " + MAX_SLEEP_MILLIS + " ms, got " + millis);
        }
        switches.ready(false);
        LATER.schedule(() -> switches.ready(true), millis, TimeUnit.MILLISECONDS);
        return Reply.text(200, "readiness off for " + millis + " ms");
    }

    /** Asks sidecar NAME to exit, by the file {@code $TMPDIR/vigil-sidecar-NAME.stop} it looks for. */
    private Reply stopSidecar(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            return Reply.text(400, "sidecar names are letters, digits, '-' and '_', got '" + name + "'");
        }
        Path file = sidecarPath(name + ".stop");
        try {
            Files.writeString(file, "stop\n", StandardCharsets.UTF_8);
            return Reply.text(200, "asked sidecar " + name + " to stop (" + file + ")");
        } catch (IOException e) {
            return Reply.text(500, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /** A file of the sidecars' in the instance's temporary directory ({@code $TMPDIR}, else /tmp). */
    private Path sidecarPath(String suffix) {
        String tmp = variables.getOrDefault("TMPDIR", "/tmp");
        return Path.of(tmp.isBlank() ? "/tmp" : tmp, "vigil-sidecar-" + suffix);
    }

    /**
     * What the sidecar NAME last wrote to {@code $TMPDIR/vigil-sidecar-NAME} (TMPDIR, else /tmp): the instance's
     * file system, which a sidecar shares with the app in CF.
     */
    private Reply sidecarFile(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            return Reply.text(400, "sidecar names are letters, digits, '-' and '_', got '" + name + "'");
        }
        Path file = sidecarPath(name);
        try {
            return Reply.text(200, Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return Reply.text(404, "no file " + file + ": sidecar " + name + " has not written it");
        } catch (IOException e) {
            return Reply.text(500, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A slow answer on purpose, for scenarios that need one; it comes from a timer, holding no thread. */
    private static Reply sleep(String millisText) {
        long millis;
        try {
            millis = Long.parseLong(millisText);
        } catch (NumberFormatException e) {
            return Reply.text(400, "sleep wants a number of milliseconds, got '" + millisText + "'");
        }
        if (millis < 0) {
            return Reply.text(400, "sleep wants a number of milliseconds >= 0, got " + millis);
        }
        long capped = Math.min(millis, MAX_SLEEP_MILLIS);
        return new Reply(200, TEXT, "slept " + capped + " ms", null, capped);
    }

    private void send(HttpExchange exchange, Reply reply, boolean headOnly) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set(INSTANCE_HEADER, environment.instanceId());
        if (headOnly) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body);
        }
    }
}
