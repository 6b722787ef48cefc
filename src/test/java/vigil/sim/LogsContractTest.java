package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ServerSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;
import vigil.sim.http.TestServerCertificate;

/**
 * Syslog drains and the log stream of the embedded CF, seen by tools written here from the standards alone, not
 * by Vigil's harness: a TCP (and a TLS) listener parsing RFC 6587 octet-counted frames and RFC 5424 headers, and a
 * server-sent-events reader on {@code java.net.http} reading {@code links.log_stream} line by line.
 */
class LogsContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG\n}, as CF's syslog agent writes app lines. */
    private static final Pattern RFC5424 = Pattern.compile(
            "<(\\d{1,3})>1 (\\S+) (\\S+) (\\S+) (\\S+) - (\\[tags@47450( [a-z_]+=\"(?:[^\"\\\\\\]]|\\\\.)*\")*\\]) (.*)\n",
            Pattern.DOTALL);

    private static Sim sim;
    private static CcFixture cc;
    private static String space;
    private static String org;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void start() {
        try {
            sim = Sim.start(SimOptions.defaults().withCells(1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        cc = CcFixture.against(sim);
        org = "logs org " + UUID.randomUUID().toString().substring(0, 8);
        space = cc.createSpace("drains_space", cc.createOrg(org));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void closeListeners() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void anAppsLinesReachAPlainTcpListenerAsOctetCountedRfc5424() throws Exception {
        Listener listener = listen(ServerSocketFactory.getDefault());
        String app = cc.createApp("drained app", space);
        bindDrain(app, "syslog://127.0.0.1:" + listener.port(), "{}");

        cc.pushDroplet(app);
        // The droplet's main class is no class at all: the JVM says so on stderr, as a crashing app does.
        assertThat(cc.post("/v3/apps/" + app + "/actions/start", "{}").status()).isEqualTo(200);

        Matcher staging = listener.await(m -> m.group(5).equals("[STG/0]"));
        assertThat(Integer.parseInt(staging.group(1))).as("PRI of a staging line (stdout: user.info)").isEqualTo(14);
        assertThat(OffsetDateTime.parse(staging.group(2)).getOffset().getTotalSeconds()).isZero();
        assertThat(staging.group(2)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?\\+00:00");
        // Spaces become dashes, other characters outside [-a-zA-Z0-9] go: "logs org 1a2b" -> logs-org-1a2b.
        assertThat(staging.group(3)).isEqualTo(org.replace(' ', '-') + ".drainsspace.drained-app");
        assertThat(staging.group(4)).as("APP-NAME").isEqualTo(app);
        assertThat(staging.group(6)).contains("app_id=\"" + app + "\"", "app_name=\"drained app\"",
                "organization_name=\"" + org + "\"", "space_name=\"drains_space\"", "source_type=\"STG\"");

        Matcher stderr = listener.await(m -> m.group(5).equals("[APP/PROC/WEB/0]"));
        assertThat(Integer.parseInt(stderr.group(1))).as("PRI of the app's stderr line (user.err)").isEqualTo(11);
        assertThat(stderr.group(6)).contains("source_type=\"APP/PROC/WEB\"", "process_type=\"web\"");
        assertThat(listener.unframed).as("bytes that were no octet-counted frame").isEmpty();
    }

    /**
     * rsyslog, a syslog server nobody here wrote, takes the drained lines as RFC 5424 with octet counting and parses
     * every header field as CF's agent means it. Runs where {@code rsyslogd} is installed (Debian package
     * {@code rsyslog}; .ci/run installs it).
     */
    @Test
    void rsyslogParsesTheDrainedLines(@TempDir Path dir) throws Exception {
        Path rsyslogd = Path.of("/usr/sbin/rsyslogd");
        assumeTrue(Files.isExecutable(rsyslogd),
                "rsyslogd is not installed (apt-get install rsyslog)");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path received = dir.resolve("received.log");
        Path config = dir.resolve("rsyslog.conf");
        Files.writeString(config, String.join("\n",
                "global(workDirectory=\"" + dir + "\")",
                "module(load=\"imtcp\")",
                "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + port + "\")",
                "template(name=\"fields\" type=\"string\" string=\"%pri%|%hostname%|%app-name%|%procid%|%msgid%|"
                        + "%structured-data%|%msg%\\n\")",
                "action(type=\"omfile\" file=\"" + received + "\" template=\"fields\")", ""));
        Process server = new ProcessBuilder(rsyslogd.toString(), "-n", "-f", config.toString(),
                "-i", dir.resolve("rsyslogd.pid").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        opened.add(() -> {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        });
        await("rsyslogd listening on " + port).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        String app = cc.createApp("rsyslog drained", space);
        bindDrain(app, "syslog://127.0.0.1:" + port, "{}");

        cc.pushDroplet(app);

        String line = await("a staging line parsed by rsyslog").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(received) ? Files.readAllLines(received).stream()
                        .filter(l -> l.contains("Downloading app package")).findFirst().orElse(null) : null,
                        l -> l != null);
        String[] fields = line.split("\\|", 7);
        assertThat(fields[0]).as("PRI").isEqualTo("14");
        assertThat(fields[1]).as("HOSTNAME").isEqualTo(org.replace(' ', '-') + ".drainsspace.rsyslog-drained");
        assertThat(fields[2]).as("APP-NAME").isEqualTo(app);
        assertThat(fields[3]).as("PROCID").isEqualTo("[STG/0]");
        assertThat(fields[4]).as("MSGID").isEqualTo("-");
        assertThat(fields[5]).as("STRUCTURED-DATA").startsWith("[tags@47450 ").contains("app_name=\"rsyslog drained\"");
        assertThat(fields[6].strip()).as("MSG").isEqualTo("Downloading app package...");
    }

    @Test
    void aTlsDrainIsVerifiedAgainstTheCaInTheBindingsCredentials() throws Exception {
        TestServerCertificate certificate = new TestServerCertificate();
        Listener trusted = listen(certificate.serverContext().getServerSocketFactory());
        Listener unknown = listen(certificate.serverContext().getServerSocketFactory());
        String app = cc.createApp("tls-drained-app", space);
        bindDrain(app, "syslog-tls://127.0.0.1:" + trusted.port(),
                "{\"ca\":" + JSON.writeValueAsString(certificate.pem()) + "}");
        bindDrain(app, "syslog-tls://127.0.0.1:" + unknown.port(), "{}");
        bindDrain(app, "syslog://192.0.2.1:514", "{}");
        bindDrain(app, "https://drain.example.com/logs", "{}");

        cc.pushDroplet(app);

        assertThat(trusted.await(m -> m.group(5).equals("[STG/0]")).group(4)).isEqualTo(app);
        List<String> agentLines = await("the drain errors in the app's log").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> recentLogs(app).stream().filter(line -> line.path("tags").path("source_type").asText()
                        .equals("LGR")).map(LogsContractTest::payload).toList(), lines -> lines.size() >= 3);
        assertThat(agentLines).anyMatch(line -> line.startsWith("failed to write to 127.0.0.1:" + unknown.port())
                        && line.contains("retrying in"))
                .anyMatch(line -> line.contains("192.0.2.1 is not a loopback address"))
                .anyMatch(line -> line.contains("unsupported protocol: \"https\""));
        assertThat(unknown.messages).as("messages that reached a drain whose certificate nobody vouches for").isEmpty();
    }

    @Test
    void theLogStreamServesServerSentEventsAsTheRlpGatewayDoes() throws Exception {
        JsonNode root = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(sim.apiUrl().resolve("/"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        URI logStream = URI.create(root.at("/links/log_stream/href").asText());
        String app = cc.createApp("streamed-app", space);
        String token = cc.token("");

        assertThat(gateway(logStream, "/v2/read?log&source_id=" + app, null))
                .isEqualTo("404 {\"message\":\"resource not found\",\"error\":\"not_found\"}\n");
        assertThat(gateway(logStream, "/v2/read", token))
                .isEqualTo("400 {\"message\":\"query cannot be empty\",\"error\":\"empty_query\"}\n");
        assertThat(gateway(logStream, "/v2/read?source_id=" + app, token)).isEqualTo(
                "400 {\"message\":\"query must provide at least one envelope type\",\"error\":\"missing_envelope_type\"}\n");

        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(logStream + "/v2/read?log&source_id=" + app)).header("Authorization", "bearer " + token)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        opened.add(() -> response.body().close());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the stream ends when the test closes it
            }
        });
        reader.setDaemon(true);
        reader.start();

        cc.pushDroplet(app);

        String data = await("a data event").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> lines.stream().filter(line -> line.startsWith("data: ")).findFirst().orElse(null),
                        line -> line != null);
        JsonNode envelope = JSON.readTree(data.substring("data: ".length())).path("batch").path(0);
        assertThat(envelope.path("source_id").asText()).isEqualTo(app);
        assertThat(envelope.path("instance_id").asText()).isEqualTo("0");
        assertThat(envelope.path("timestamp").isTextual()).as("timestamp as a string of nanoseconds").isTrue();
        assertThat(envelope.path("tags").path("source_type").asText()).isEqualTo("STG");
        assertThat(envelope.path("log").path("type").asText()).isEqualTo("OUT");
        assertThat(payload(envelope)).isNotBlank();
        assertThat(lines.get(lines.indexOf(data) + 1)).as("the blank line that ends an event").isEmpty();
        // Nothing more to say: the stream stays open with a heartbeat event every 2 s.
        await("a heartbeat event").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> lines.contains("event: heartbeat"));
        assertThat(lines.get(lines.indexOf("event: heartbeat") + 1)).matches("data: \\d+");
    }

    private static String gateway(URI logStream, String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(logStream + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private void bindDrain(String app, String url, String credentials) {
        Reply instance = cc.post("/v3/service_instances", "{\"type\":\"user-provided\",\"name\":\"drain-"
                + UUID.randomUUID() + "\",\"syslog_drain_url\":\"" + url + "\",\"credentials\":" + credentials
                + ",\"relationships\":{\"space\":{\"data\":{\"guid\":\"" + space + "\"}}}}");
        assertThat(instance.status()).as(instance.raw().body()).isEqualTo(201);
        Reply binding = cc.post("/v3/service_credential_bindings", "{\"type\":\"app\",\"relationships\":{"
                + "\"service_instance\":{\"data\":{\"guid\":\"" + instance.json().get("guid").asText() + "\"}},"
                + "\"app\":{\"data\":{\"guid\":\"" + app + "\"}}}}");
        assertThat(binding.status()).as(binding.raw().body()).isEqualTo(201);
    }

    private static List<JsonNode> recentLogs(String app) {
        List<JsonNode> envelopes = new ArrayList<>();
        String logCache = cc.get("/").json().at("/links/log_cache/href").asText();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(logCache + "/api/v1/read/" + app + "?limit=1000")).header("Authorization",
                    "bearer " + cc.token("")).build(), HttpResponse.BodyHandlers.ofString());
            JSON.readTree(response.body()).at("/envelopes/batch").forEach(envelopes::add);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        return envelopes;
    }

    private static String payload(JsonNode envelope) {
        return new String(Base64.getDecoder().decode(envelope.path("log").path("payload").asText()), StandardCharsets.UTF_8);
    }

    private Listener listen(ServerSocketFactory sockets) throws IOException {
        ServerSocket server = sockets.createServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Listener listener = new Listener(server);
        opened.add(listener);
        Thread accept = new Thread(listener::accept, "test-syslog-listener");
        accept.setDaemon(true);
        accept.start();
        return listener;
    }

    /** A syslog receiver from RFC 6587 alone: {@code LENGTH SP MESSAGE}, then the next frame. */
    private static final class Listener implements AutoCloseable {
        final ServerSocket server;
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final List<String> unframed = new CopyOnWriteArrayList<>();
        private final List<Matcher> seen = new ArrayList<>();

        Listener(ServerSocket server) {
            this.server = server;
        }

        int port() {
            return server.getLocalPort();
        }

        void accept() {
            try {
                while (true) {
                    Socket socket = server.accept();
                    Thread read = new Thread(() -> read(socket));
                    read.setDaemon(true);
                    read.start();
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private void read(Socket socket) {
            try (socket; InputStream in = socket.getInputStream()) {
                while (true) {
                    ByteArrayOutputStream length = new ByteArrayOutputStream();
                    int c = in.read();
                    while (c >= '0' && c <= '9') {
                        length.write(c);
                        c = in.read();
                    }
                    if (c < 0) {
                        return;
                    }
                    if (c != ' ' || length.size() == 0) {
                        unframed.add(length + String.valueOf((char) c));
                        return;
                    }
                    byte[] message = in.readNBytes(Integer.parseInt(length.toString(StandardCharsets.US_ASCII)));
                    messages.add(new String(message, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                unframed.add("connection failed: " + e);
            }
        }

        /** The first message (in arrival order) that is RFC 5424 as CF writes it and matches. */
        Matcher await(java.util.function.Predicate<Matcher> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (Matcher m : seen) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            while (System.nanoTime() < deadline) {
                String message = messages.poll(100, TimeUnit.MILLISECONDS);
                if (message == null) {
                    continue;
                }
                Matcher m = RFC5424.matcher(message);
                assertThat(m.matches()).as("RFC 5424 as CF's syslog agent writes it: %s", message).isTrue();
                seen.add(m);
                if (wanted.test(m)) {
                    return m;
                }
            }
            throw new AssertionError("no such message within 20 s; got " + seen.stream().map(Matcher::group).toList());
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
