package vigil.sim.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A route bound to a route service: the router sends the request to the route service with
 * {@code X-CF-Forwarded-Url}, {@code X-CF-Proxy-Signature} and {@code X-CF-Proxy-Metadata}, and delivers it to
 * the app only when it comes back with a signature this router made for that URL.
 */
class RouteServiceTest {

    private static final String APP = "6f1c3e2a-0b4d-4c8e-9a7f-2d5e8b1c4a90";
    private static final String RS = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String HOST = "app.apps.example.com";
    private static final String RS_HOST = "rs.apps.example.com";

    private final Routes routes = new Routes();
    private final Map<String, String> routeServices = new ConcurrentHashMap<>();
    private final RouteResolver resolver = new RouteResolver() {
        @Override
        public List<Backend> backends(String host, String path) {
            return routes.backends(host, path);
        }

        @Override
        public Optional<String> routeServiceUrl(String host, String path) {
            return Optional.ofNullable(routeServices.get(host));
        }
    };
    private TestBackend app;
    private TestBackend routeService;
    private Router router;
    private RouterClient client;

    @BeforeEach
    void start() throws IOException {
        app = TestBackend.start("app");
        routeService = TestBackend.start("route-service");
        router = Router.start(0, resolver);
        client = new RouterClient(router);
        routes.map(HOST, app.as(APP, 0)).map(RS_HOST, routeService.as(RS, 0));
        routeServices.put(HOST, "https://" + RS_HOST + "/filter");
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        router.close();
        app.close();
        routeService.close();
    }

    @Test
    void sendsTheRequestThroughTheRouteServiceAndOnToTheAppWithTheSignature() {
        routeService.answer(this::forwardBack);

        RouterClient.Reply reply = client.get(HOST, "/orders?id=7");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("app");
        TestBackend.Seen atRouteService = routeService.lastRequest();
        assertThat(atRouteService.rawUri()).isEqualTo("/filter");
        assertThat(atRouteService.header("X-CF-Forwarded-Url")).isEqualTo("http://" + HOST + "/orders?id=7");
        assertThat(atRouteService.header("X-CF-Proxy-Signature")).isNotBlank();
        assertThat(atRouteService.header("X-CF-Proxy-Metadata")).isNotBlank();
        assertThat(app.requests()).hasSize(1);
        assertThat(app.lastRequest().rawUri()).isEqualTo("/orders?id=7");
        assertThat(app.lastRequest().header("X-CF-Proxy-Signature")).isEqualTo(atRouteService.header("X-CF-Proxy-Signature"));
    }

    @Test
    void refusesARequestWithAForgedOrMisdirectedSignature() {
        routeService.answer(this::forwardBack);
        client.get(HOST, "/orders");
        TestBackend.Seen signed = routeService.lastRequest();

        RouterClient.Reply forged = client.get(HOST, "/orders", "X-CF-Proxy-Signature", "AAAA" + signed.header(
                "X-CF-Proxy-Signature").substring(4), "X-CF-Proxy-Metadata", signed.header("X-CF-Proxy-Metadata"));
        RouterClient.Reply elsewhere = client.get(HOST, "/admin", "X-CF-Proxy-Signature",
                signed.header("X-CF-Proxy-Signature"), "X-CF-Proxy-Metadata", signed.header("X-CF-Proxy-Metadata"));

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.header("X-Cf-Routererror")).isEqualTo("invalid_route_service_signature");
        assertThat(elsewhere.status()).as("a signature for /orders used for /admin").isEqualTo(400);
        assertThat(app.requests()).hasSize(1);
    }

    @Test
    void aRouteServiceThatIsNoAppHereIsA502() {
        routeServices.put(HOST, "https://elsewhere.example.org/");

        RouterClient.Reply reply = client.get(HOST, "/");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(app.requests()).isEmpty();
    }

    /** What a route service does: sends the request on to the forwarded URL with the router's two headers. */
    private void forwardBack(HttpExchange exchange, String id) throws IOException {
        URI forwarded = URI.create(exchange.getRequestHeaders().getFirst("X-CF-Forwarded-Url"));
        RouterClient.Reply reply = client.get(forwarded.getHost(), forwarded.getRawPath()
                        + (forwarded.getRawQuery() == null ? "" : "?" + forwarded.getRawQuery()),
                "X-CF-Proxy-Signature", exchange.getRequestHeaders().getFirst("X-CF-Proxy-Signature"),
                "X-CF-Proxy-Metadata", exchange.getRequestHeaders().getFirst("X-CF-Proxy-Metadata"));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
