package vigil.cf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import vigil.availability.UnverifiedTls;

/**
 * CF's log stream, the RLP gateway ({@code links.log_stream} of {@code GET /}): {@code GET /v2/read?log&source_id=GUID}
 * answers server-sent events, {@code data: {"batch":[envelope, ...]}} with base64 payloads and
 * {@code event: heartbeat} while nothing happens, as go-loggregator's RLP gateway client (and so {@code cf logs}
 * on CLIs that stream through it) reads them.
 *
 * <pre>{@code
 * try (LogStream.Subscription logs = cf.logStream().open(appGuid, line -> System.out.println(line.text()))) {
 *     // lines the app writes from now on arrive here, in order
 * }
 * }</pre>
 */
public final class LogStream {
    private final URI base;
    private final Supplier<String> authorization;
    private final ConnectionSettings connection;

    LogStream(URI base, Supplier<String> authorization, ConnectionSettings connection) {
        this.base = base;
        this.authorization = authorization;
        this.connection = connection;
    }

    /** An open stream; closing it ends the connection. */
    public interface Subscription extends AutoCloseable {
        /** Heartbeat events seen so far: the stream is alive even when the app is quiet. */
        int heartbeats();

        /** Why reading ended, or null while it runs. */
        String ended();

        @Override
        void close();
    }

    /**
     * Opens the app's stream and hands each log line to {@code lines}, in the order CF sends them, on a reader thread
     * of the stream's own. Returns once CF has answered 200 with an event stream.
     *
     * @throws CfApiException when the gateway answers anything else
     */
    public Subscription open(String appGuid, Consumer<AppLogLine> lines) {
        URI url = URI.create(base + "/v2/read?log&source_id=" + URLEncoder.encode(appGuid, StandardCharsets.UTF_8));
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connection.requestTimeout());
        if (connection.skipSslValidation()) {
            builder.sslContext(UnverifiedTls.context());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
                .header("Accept", "text/event-stream").header("Cache-Control", "no-cache");
        String header = authorization.get();
        if (header != null) {
            request.header("Authorization", header);
        }
        HttpResponse<Stream<String>> response;
        try {
            response = builder.build().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new TargetUnreachableException("GET " + url.getPath() + " of the log stream " + base + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the log stream of " + appGuid, e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || !type.startsWith("text/event-stream")) {
            String body = String.join("\n", response.body().limit(5).toList());
            response.body().close();
            JsonNode error = CfJson.readOrNull(body.getBytes(StandardCharsets.UTF_8));
            boolean json = error != null && error.isObject();
            // The gateway's errors are {"message": ..., "error": "not_found"}, in Go's text/plain.
            throw new CfApiException("GET " + base + "/v2/read?log&source_id=" + appGuid, response.statusCode(), 0,
                    json ? error.path("error").asText("") : "", json ? error.path("message").asText("") : body);
        }
        return Reader.start(response.body(), lines, appGuid);
    }

    /** Reads the events line by line: {@code data:} lines until a blank line make one event. */
    private static final class Reader implements Subscription, Runnable {
        private final Stream<String> body;
        private final Consumer<AppLogLine> lines;
        private final AtomicInteger heartbeats = new AtomicInteger();
        private volatile String ended;
        private volatile boolean closed;

        private Reader(Stream<String> body, Consumer<AppLogLine> lines) {
            this.body = body;
            this.lines = lines;
        }

        static Reader start(Stream<String> body, Consumer<AppLogLine> lines, String appGuid) {
            Reader reader = new Reader(body, lines);
            Thread thread = new Thread(reader, "vigil-log-stream-" + appGuid);
            thread.setDaemon(true);
            thread.start();
            return reader;
        }

        @Override
        public void run() {
            StringBuilder data = new StringBuilder();
            String event = "";
            try {
                Iterator<String> input = body.iterator();
                while (input.hasNext()) {
                    String line = input.next();
                    if (line.isEmpty()) {
                        dispatch(event, data.toString());
                        data.setLength(0);
                        event = "";
                    } else if (line.startsWith("event:")) {
                        event = line.substring("event:".length()).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring("data:".length()).stripLeading());
                    }
                }
                ended = "the log stream ended";
            } catch (UncheckedIOException | IllegalStateException e) {
                ended = closed ? "closed" : "reading the log stream failed: " + e.getMessage();
            }
        }

        private void dispatch(String event, String data) {
            if (event.equals("heartbeat")) {
                heartbeats.incrementAndGet();
            } else if (event.equals("closing")) {
                ended = "the gateway closed the stream: " + data;
            } else if (!data.isEmpty()) {
                JsonNode batch;
                try {
                    batch = CfJson.MAPPER.readTree(data);
                } catch (JsonProcessingException e) {
                    ended = "the log stream sent an event that is not JSON: " + data;
                    return;
                }
                for (JsonNode envelope : batch.path("batch")) {
                    JsonNode log = envelope.path("log");
                    if (log.isObject()) {
                        lines.accept(new AppLogLine(
                                Instant.ofEpochSecond(0, Long.parseLong(envelope.path("timestamp").asText("0"))),
                                envelope.path("tags").path("source_type").asText(""),
                                envelope.path("instance_id").asText(""), "ERR".equals(log.path("type").asText()),
                                new String(Base64.getDecoder().decode(log.path("payload").asText("")),
                                        StandardCharsets.UTF_8)));
                    }
                }
            }
        }

        @Override
        public int heartbeats() {
            return heartbeats.get();
        }

        @Override
        public String ended() {
            return ended;
        }

        @Override
        public void close() {
            closed = true;
            body.close();
        }
    }
}
