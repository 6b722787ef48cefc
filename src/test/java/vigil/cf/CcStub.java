package vigil.cf;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vigil.config.Secret;

/**
 * A scripted stand-in for a Cloud Controller and its UAA on one loopback port: each path answers from a
 * queue of canned responses (the last one repeats), and every request is recorded.
 */
final class CcStub implements AutoCloseable {
    /** A canned answer; {@code status} 0 closes the connection without answering. */
    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    CcStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        answer("GET /", 200, "{\"links\":{\"login\":{\"href\":\"" + uri() + "\"},\"uaa\":{\"href\":\"" + uri()
                + "\"},\"cloud_controller_v3\":{\"href\":\"" + uri() + "/v3\",\"meta\":{\"version\":\"3.200.0\"}}}}");
        String token = new PlainJWT(new JWTClaimsSet.Builder().claim("user_name", "admin").claim("client_id", "cf")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(20)))).build()).serialize();
        answer("POST /oauth/token", 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\","
                + "\"expires_in\":1200}");
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    CcStub answer(String request, int status, String body) {
        answers.computeIfAbsent(request, key -> new ArrayDeque<>()).add(new Answer(status, body));
        return this;
    }

    /** How many times {@code "METHOD /path?query"} was requested. */
    long count(String request) {
        synchronized (requests) {
            return requests.stream().filter(request::equals).count();
        }
    }

    CfClient client(RetryPolicy retry) {
        CfTarget target = new CfTarget(uri(), new Credentials("admin", new Secret("pw"), null, new Secret("")),
                new ConnectionSettings(false, Duration.ofSeconds(5), retry),
                new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                        Duration.ofMillis(20)));
        return CfClient.connect(target);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                + (query == null ? "" : "?" + query);
        requests.add(request);
        exchange.getRequestBody().readAllBytes();
        Deque<Answer> queue = answers.get(request);
        Answer answer = queue == null ? new Answer(404, "{\"errors\":[{\"detail\":\"Unknown request\","
                + "\"title\":\"CF-NotFound\",\"code\":10000}]}") : queue.size() > 1 ? queue.poll() : queue.peek();
        if (answer.status() == 0) {
            exchange.close();
            return;
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (answer.status() == 202) {
            exchange.getResponseHeaders().add("Location", uri() + "/v3/jobs/job-1");
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
