package vigil.testapp.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test app as a route service (role {@code route-service}): a request that comes with
 * {@code X-CF-Forwarded-Url} is sent on to that URL with the router's {@code X-CF-Proxy-Signature} and
 * {@code X-CF-Proxy-Metadata}, plus {@value #SEEN_HEADER} naming this instance; the answer goes back with the
 * same header. {@code GET /route-service/forwarded} tells how many requests it forwarded; every other request
 * is the test app's own. {@code VIGIL_ROUTER_ADDRESS} (host:port), when set, is where the forwarded request is
 * sent, with the forwarded URL's host as {@code Host}: for a CF whose apps domain has no DNS.
 */
final class RouteServiceForwarder implements HttpHandler {

    static final String SEEN_HEADER = "X-Vigil-Route-Service";
    static final String COUNT_PATH = "/route-service/forwarded";

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "keep-alive",
            "transfer-encoding", "te", "upgrade", "expect", "proxy-connection", "x-cf-forwarded-url");

    private final HttpHandler app;
    private final String instanceId;
    private final String routerAddress;
    private final AtomicLong forwarded = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    RouteServiceForwarder(HttpHandler app, String instanceId, String routerAddress) {
        this.app = app;
        this.instanceId = instanceId;
        this.routerAddress = routerAddress == null || routerAddress.isBlank() ? null : routerAddress.trim();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String forwardedUrl = exchange.getRequestHeaders().getFirst("X-CF-Forwarded-Url");
        if (forwardedUrl == null) {
            if (COUNT_PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 200, Map.of(), Long.toString(forwarded.get()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            app.handle(exchange);
            return;
        }
        try (exchange) {
            forward(exchange, URI.create(forwardedUrl));
        } catch (IllegalArgumentException | IOException e) {
            send(exchange, 502, Map.of(), ("route service could not forward: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(HttpExchange exchange, URI target) throws IOException, InterruptedException {
        URI via = routerAddress == null ? target : URI.create("http://" + routerAddress + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(via).timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        if (routerAddress != null) {
            // Needs jdk.httpclient.allowRestrictedHeaders=host, which TestApp sets for this role.
            request.header("Host", target.getRawAuthority());
        }
        request.header(SEEN_HEADER, instanceId);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        forwarded.incrementAndGet();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        send(exchange, response.statusCode(), Map.of(SEEN_HEADER, List.of(instanceId)), response.body());
    }

    private static void send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().putAll(headers);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
