package vigil.sim.logcache;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.LogLine;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Transport;

/**
 * The embedded CF's reverse log proxy gateway ({@code log-stream.<system domain>} in real CF, linked from
 * {@code GET /} as {@code log_stream}): {@code GET /v2/read?log&source_id=GUID} streams the app's log envelopes
 * as server-sent events while they are written, {@code data: {"batch":[...]}} per batch and
 * {@code event: heartbeat} when nothing was sent for a while, as go-loggregator's RLP gateway client reads them.
 * Its own server rather than a {@code LoopbackServer}: those answer whole responses, a stream never ends.
 */
public final class RlpGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RlpGateway.class);
    private static final Set<String> ENVELOPE_TYPES = Set.of("log", "counter", "gauge", "timer", "event",
            "counter.name", "gauge.name");
    /** Lines a slow reader may fall behind by; older ones are dropped, as loggregator's diodes drop. */
    private static final int BUFFERED_LINES = 10_000;
    private static final int MAX_BATCH = 100;

    private final HttpServer server;
    private final ExecutorService streams;
    private final AppRuntime runtime;
    private final Predicate<Optional<String>> authorized;
    private final Duration heartbeat;
    private final String scheme;
    private final AtomicBoolean servesAnyone = new AtomicBoolean();
    /** Test-only fault: how many lines each stream delivers before it goes quiet; 0 for no limit. */
    private volatile int linesPerStream;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RlpGateway(HttpServer server, ExecutorService streams, AppRuntime runtime,
                       Predicate<Optional<String>> authorized, Duration heartbeat, String scheme) {
        this.server = server;
        this.streams = streams;
        this.runtime = runtime;
        this.authorized = authorized;
        this.heartbeat = heartbeat;
        this.scheme = scheme;
    }

    /**
     * @param authorized whether an {@code Authorization} header carries a token the CC accepts
     * @param heartbeat  how long a stream may stay silent before a heartbeat event is sent
     */
    public static RlpGateway start(int port, AppRuntime runtime, Predicate<Optional<String>> authorized,
                                   Transport transport, Duration heartbeat) throws IOException {
        HttpServer server = transport.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}),
                port), 0);
        AtomicInteger count = new AtomicInteger();
        ExecutorService streams = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "vigil-sim-log-stream-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(streams);
        RlpGateway gateway = new RlpGateway(server, streams, runtime, authorized, heartbeat, transport.scheme());
        server.createContext("/", gateway::serve);
        server.start();
        return gateway;
    }

    public URI uri() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * <b>Test-only fault</b>: each stream delivers its first {@code lines} lines only, then heartbeats alone (a stream
     * stuck upstream while its connection lives on); 0 delivers every line again.
     */
    public void deliverOnlyFirstLines(int lines) {
        linesPerStream = lines;
    }

    /** <b>Test-only fault</b>: a reader without a (valid) token gets the stream too. */
    public void serveReadersWithoutToken(boolean on) {
        servesAnyone.set(on);
    }

    /** Ends every open stream and frees the port. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // Streams first: a stream never ends by itself, and the server's stop would wait for its exchange.
            streams.shutdownNow();
            server.stop(0);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/v2/read")) {
                error(exchange, 404, "not_found", "resource not found");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                error(exchange, 405, "method_not_allowed", "method not allowed");
                return;
            }
            List<Map.Entry<String, String>> query = query(exchange.getRequestURI().getRawQuery());
            if (query.isEmpty()) {
                error(exchange, 400, "empty_query", "query cannot be empty");
                return;
            }
            Set<String> sourceIds = new LinkedHashSet<>();
            boolean logs = false;
            boolean anyType = false;
            for (Map.Entry<String, String> pair : query) {
                if (pair.getKey().equals("source_id")) {
                    sourceIds.add(pair.getValue());
                }
                anyType |= ENVELOPE_TYPES.contains(pair.getKey());
                logs |= pair.getKey().equals("log");
            }
            if (!anyType) {
                error(exchange, 400, "missing_envelope_type", "query must provide at least one envelope type");
                return;
            }
            // As the gateway: a missing or refused token, or a stream of every source, is "not found".
            boolean tokenAccepted = servesAnyone.get()
                    || authorized.test(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
            if (!tokenAccepted || sourceIds.isEmpty()) {
                error(exchange, 404, "not_found", "resource not found");
                return;
            }
            stream(exchange, sourceIds, logs);
        }
    }

    private void stream(HttpExchange exchange, Set<String> sourceIds, boolean logs) throws IOException {
        LinkedBlockingQueue<LogLine> queue = new LinkedBlockingQueue<>(BUFFERED_LINES);
        AtomicInteger seen = new AtomicInteger();
        AutoCloseable subscription = runtime.subscribeLogs(line -> {
            int limit = linesPerStream;
            if (logs && sourceIds.contains(line.appGuid()) && (limit == 0 || seen.incrementAndGet() <= limit)) {
                while (!queue.offer(line)) {
                    queue.poll();
                }
            }
        });
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("Connection", "keep-alive");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            out.flush();
            while (!closed.get()) {
                LogLine first = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    send(out, "event: heartbeat\ndata: " + System.currentTimeMillis() / 1000 + "\n\n");
                    continue;
                }
                List<LogLine> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch, MAX_BATCH - 1);
                List<Map<String, Object>> envelopes = batch.stream()
                        .map(line -> ReadEndpoint.envelope(line.appGuid(), line, ReadEndpoint.nanos(line.timestamp())))
                        .toList();
                send(out, "data: " + new String(JsonWriter.write(Map.of("batch", envelopes)), StandardCharsets.UTF_8)
                        + "\n\n");
            }
        } catch (IOException gone) {
            LOG.debug("log stream reader went away: {}", gone.getMessage());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing a log subscription: {}", e.getMessage());
            }
        }
    }

    private static void send(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Every pair in order, repeated keys kept ({@code source_id} may be given several times); a bare key has "". */
    private static List<Map.Entry<String, String>> query(String raw) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (raw == null) {
            return pairs;
        }
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                pairs.add(Map.entry(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
            }
        }
        return pairs;
    }

    /** The gateway's JSON errors, sent through Go's {@code http.Error}: plain text type, a newline after. */
    private static void error(HttpExchange exchange, int status, String name, String message) throws IOException {
        byte[] body = (new String(JsonWriter.write(JsonWriter.object().put("message", message).put("error", name)), StandardCharsets.UTF_8)
                + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
