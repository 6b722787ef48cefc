package vigil.sim.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final String APP = "6f1c3e2a-0b4d-4c8e-9a7f-2d5e8b1c4a90";
    private static final String OTHER_APP = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String HOST = "app.apps.example.com";

    private final Routes routes = new Routes();
    private TestBackend a;
    private TestBackend b;
    private TestBackend c;
    private Router router;
    private RouterClient client;

    @BeforeEach
    void start() throws IOException {
        a = TestBackend.start("a");
        b = TestBackend.start("b");
        c = TestBackend.start("c");
        router = Router.start(0, routes);
        client = new RouterClient(router);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        router.close();
        a.close();
        b.close();
        c.close();
    }

    @Test
    void routesByHostHeaderWithoutPortAndCase() {
        routes.map(HOST, a.as(APP, 0)).map("other.apps.example.com", b.as(OTHER_APP, 0));

        assertThat(client.get(HOST, "/").body()).isEqualTo("a");
        assertThat(client.get("App.Apps.Example.COM:8080", "/").body()).isEqualTo("a");
        assertThat(client.get("other.apps.example.com:" + router.port(), "/").body()).isEqualTo("b");
        assertThat(routes.asked()).extracting(Routes.Asked::host)
                .containsExactly(HOST, HOST, "other.apps.example.com");
    }

    @Test
    void routesByLongestPathPrefix() {
        routes.map(HOST, a.as(APP, 0)).map(HOST + "/api", b.as(OTHER_APP, 0));

        assertThat(client.get(HOST, "/").body()).isEqualTo("a");
        assertThat(client.get(HOST, "/api").body()).isEqualTo("b");
        assertThat(client.get(HOST, "/api/v1/things?x=1").body()).isEqualTo("b");
        assertThat(client.get(HOST, "/apis").body()).isEqualTo("a");
        assertThat(routes.asked()).extracting(Routes.Asked::path)
                .containsExactly("/", "/api", "/api/v1/things", "/apis");
        assertThat(b.lastRequest().rawUri()).isEqualTo("/api/v1/things?x=1");
    }

    @Test
    void spreadsRequestsEvenlyOverTheInstancesOfARoute() {
        routes.map(HOST, c.as(APP, 2), a.as(APP, 0), b.as(APP, 1));

        for (int i = 0; i < 30; i++) {
            assertThat(client.get(HOST, "/").status()).isEqualTo(200);
        }

        assertThat(List.of(a, b, c)).allSatisfy(backend -> assertThat(backend.requests()).hasSize(10));
    }

    @Test
    void staysEvenUnderConcurrentRequests() throws Exception {
        routes.map(HOST, a.as(APP, 0), b.as(APP, 1), c.as(APP, 2));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<String>> calls = IntStream.range(0, 60)
                    .mapToObj(i -> (Callable<String>) () -> client.get(HOST, "/").body()).toList();
            Map<String, Long> answeredBy = pool.invokeAll(calls).stream().map(RouterTest::result)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

            assertThat(answeredBy).containsExactlyInAnyOrderEntriesOf(Map.of("a", 20L, "b", 20L, "c", 20L));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsOneRotationPerRoute() {
        routes.map(HOST, a.as(APP, 0), b.as(APP, 1)).map("other.apps.example.com", c.as(OTHER_APP, 0), b.as(OTHER_APP, 1));

        List<String> first = IntStream.range(0, 4).mapToObj(i -> client.get(HOST, "/").body()).toList();
        client.get("other.apps.example.com", "/");

        assertThat(first).containsExactly("a", "b", "a", "b");
        assertThat(client.get(HOST, "/").body()).isEqualTo("a");
    }

    @Test
    void appliesRouteChangesAtOnce() {
        routes.map(HOST, a.as(APP, 0));
        assertThat(client.get(HOST, "/").status()).isEqualTo(200);

        routes.unmap(HOST);

        assertThat(client.get(HOST, "/").status()).isEqualTo(404);
    }

    @Test
    void sendsARequestNamingAnInstanceToThatInstanceOnly() {
        routes.map(HOST, a.as(APP, 0), b.as(APP, 1), c.as(APP, 2));

        for (int i = 0; i < 6; i++) {
            assertThat(client.get(HOST, "/", "X-Cf-App-Instance", APP + ":1").body()).isEqualTo("b");
        }

        assertThat(a.requests()).isEmpty();
        assertThat(c.requests()).isEmpty();
        assertThat(b.lastRequest().header("X-Cf-App-Instance")).as("not passed to the app").isNull();
    }

    @Test
    void refusesAMalformedAppInstanceHeader() {
        routes.map(HOST, a.as(APP, 0));

        for (String malformed : List.of("not-a-guid:0", APP, APP + ":", APP + ":x", APP.toUpperCase() + ":0", APP + ":0:1")) {
            RouterClient.Reply reply = client.get(HOST, "/", "X-Cf-App-Instance", malformed);

            assertThat(reply.status()).as(malformed).isEqualTo(400);
            assertThat(reply.header("X-Cf-Routererror")).isEqualTo("invalid_cf_app_instance_header");
            assertThat(reply.body()).isEqualTo("400 Bad Request: Invalid X-CF-App-Instance Header\n");
        }
        assertThat(a.requests()).isEmpty();
    }

    @Test
    void answersAnUnknownInstanceWith400UnknownRoute() {
        routes.map(HOST, a.as(APP, 0));

        RouterClient.Reply wrongIndex = client.get(HOST, "/", "X-Cf-App-Instance", APP + ":3");
        RouterClient.Reply wrongApp = client.get(HOST, "/", "X-Cf-App-Instance", OTHER_APP + ":0");

        assertThat(wrongIndex.status()).isEqualTo(400);
        assertThat(wrongIndex.header("X-Cf-Routererror")).isEqualTo("unknown_route");
        assertThat(wrongIndex.body()).isEqualTo(
                "400 Bad Request: Requested instance ('3') with guid ('" + APP + "') does not exist for route ('" + HOST + "')\n");
        assertThat(wrongApp.status()).isEqualTo(400);
        assertThat(a.requests()).isEmpty();
    }

    @Test
    void answersAnUnknownRouteWith404() {
        String host = "nowhere.apps.example.com:" + router.port();

        RouterClient.Reply reply = client.get(host, "/some/path");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("X-Cf-Routererror")).isEqualTo("unknown_route");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-cache, no-store");
        assertThat(reply.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(reply.body()).isEqualTo("404 Not Found: Requested route ('" + host + "') does not exist.\n");
    }

    @Test
    void answersARouteWithNothingRoutableWith404() {
        routes.map(HOST);

        assertThat(client.get(HOST, "/").header("X-Cf-Routererror")).isEqualTo("unknown_route");
    }

    @Test
    void answersARequestForTheRouterByNameWith404AndByItsAddressAsEmptyHost() {
        RouterClient.Reply byName = client.get("localhost:" + router.port(), "/");
        RouterClient.Reply byAddress = client.get(null, "/");

        assertThat(byName.status()).isEqualTo(404);
        assertThat(byName.header("X-Cf-Routererror")).isEqualTo("unknown_route");
        assertThat(byAddress.status()).isEqualTo(400);
        assertThat(byAddress.header("X-Cf-Routererror")).isEqualTo("empty_host");
        assertThat(byAddress.body()).isEqualTo("400 Bad Request: Request had empty Host header\n");
    }

    @Test
    void skipsABackendThatRefusesConnections() throws IOException {
        routes.map(HOST, new Backend(APP, 0, "gone", "127.0.0.1", closedPort()), a.as(APP, 1));

        for (int i = 0; i < 6; i++) {
            RouterClient.Reply reply = client.get(HOST, "/");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("a");
        }
        assertThat(a.requests()).hasSize(6);
    }

    @Test
    void answers502EndpointFailureWhenNoBackendAcceptsAConnection() throws IOException {
        int gone = closedPort();
        routes.map(HOST, new Backend(APP, 0, "gone-0", "127.0.0.1", gone), new Backend(APP, 1, "gone-1", "127.0.0.1", gone));

        RouterClient.Reply reply = client.send("POST", HOST, "/orders", "{}");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.header("X-Cf-Routererror"))
                .isEqualTo("endpoint_failure (dial tcp 127.0.0.1:" + gone + ": connect: connection refused)");
        assertThat(reply.body()).isEqualTo("502 Bad Gateway: Registered endpoint failed to handle the request.\n");
    }

    @Test
    void neverConnectsOutsideTheLoopbackInterface() {
        routes.map(HOST, new Backend(APP, 0, "far", "192.0.2.1", 80), new Backend(APP, 1, "named", "example.com", 80));

        RouterClient.Reply reply = client.get(HOST, "/");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.header("X-Cf-Routererror")).startsWith("endpoint_failure (").contains("not a loopback address");
    }

    @Test
    void addsGorouterHeadersToTheRequestAndTheRequestIdToTheResponse() {
        routes.map(HOST, a.as(APP, 0), b.as(APP, 1));
        long before = System.currentTimeMillis();

        RouterClient.Reply reply = client.get(HOST, "/",
                "X-Vcap-Request-Id", "from-the-client",
                "X-CF-InstanceIndex", "7",
                "Connection", "keep-alive, X-Private-Hop",
                "X-Private-Hop", "secret",
                "X-Custom", "kept");

        TestBackend.Seen seen = a.lastRequest();
        String requestId = reply.header("X-Vcap-Request-Id");
        assertThat(UUID.fromString(requestId).toString()).isEqualTo(requestId);
        assertThat(seen.header("X-Vcap-Request-Id")).as("gorouter replaces the client's id").isEqualTo(requestId);
        assertThat(seen.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(Long.parseLong(seen.header("X-Request-Start"))).isBetween(before, System.currentTimeMillis());
        assertThat(seen.header("X-Cf-Applicationid")).isEqualTo(APP);
        assertThat(seen.header("X-Cf-Instanceindex")).isEqualTo("0");
        assertThat(seen.header("X-Cf-Instanceid")).isEqualTo("a");
        assertThat(seen.header("X-Custom")).isEqualTo("kept");
        assertThat(seen.header("X-Private-Hop")).as("named in Connection: hop-by-hop").isNull();
    }

    @Test
    void extendsForwardingHeadersALoadBalancerSet() {
        routes.map(HOST, a.as(APP, 0));

        client.get(HOST, "/", "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https", "X-Request-Start", "1700000000000");

        TestBackend.Seen seen = a.lastRequest();
        assertThat(seen.header("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(seen.header("X-Request-Start")).isEqualTo("1700000000000");
    }

    @Test
    void tellsTheAppWhichRouteWasRequested() {
        routes.map(HOST, a.as(APP, 0));

        client.get(HOST + ":" + router.port(), "/");

        // The JDK client sends Host only when the JVM allows it; otherwise the route travels in X-Forwarded-Host.
        TestBackend.Seen seen = a.lastRequest();
        String route = seen.header("Host").equals(HOST + ":" + router.port()) ? seen.header("Host") : seen.header("X-Forwarded-Host");
        assertThat(route).isEqualTo(HOST + ":" + router.port());
    }

    @Test
    void keepsARequestIdTheAppSetItself() {
        routes.map(HOST, a.as(APP, 0));
        a.answer((exchange, id) -> {
            exchange.getResponseHeaders().set("X-Vcap-Request-Id", "the-app-s-own");
            TestBackend.write(exchange, 200, id);
        });

        assertThat(client.get(HOST, "/").header("X-Vcap-Request-Id")).isEqualTo("the-app-s-own");
    }

    @Test
    void proxiesMethodsBodiesAndQueryStrings() {
        routes.map(HOST, a.as(APP, 0));

        client.send("POST", HOST, "/items?tag=a%20b&tag=c", "{\"name\":\"first\"}", "Content-Type", "application/json");
        TestBackend.Seen post = a.lastRequest();
        client.send("PUT", HOST, "/items/1", "replaced");
        TestBackend.Seen put = a.lastRequest();
        client.send("DELETE", HOST, "/items/1", null);
        TestBackend.Seen delete = a.lastRequest();

        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.rawUri()).isEqualTo("/items?tag=a%20b&tag=c");
        assertThat(post.body()).isEqualTo("{\"name\":\"first\"}");
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.body()).isEqualTo("replaced");
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.body()).isEmpty();
    }

    @Test
    void passesTheBackendsStatusHeadersAndBodyBack() {
        routes.map(HOST, a.as(APP, 0));
        a.answer((exchange, id) -> {
            exchange.getResponseHeaders().set("Location", "/items/42");
            exchange.getResponseHeaders().add("Set-Cookie", "one=1");
            exchange.getResponseHeaders().add("Set-Cookie", "two=2");
            TestBackend.write(exchange, 201, "created");
        });

        RouterClient.Reply reply = client.send("POST", HOST, "/items", "x");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo("/items/42");
        assertThat(reply.headerValues("Set-Cookie")).containsExactly("one=1", "two=2");
        assertThat(reply.body()).isEqualTo("created");
    }

    @Test
    void passesAnswersWithoutBodyBack() {
        routes.map(HOST, a.as(APP, 0));
        a.answer((exchange, id) -> TestBackend.write(exchange, "HEAD".equals(exchange.getRequestMethod()) ? 200 : 204, ""));

        RouterClient.Reply head = client.send("HEAD", HOST, "/", null);
        RouterClient.Reply noContent = client.send("DELETE", HOST, "/items/1", null);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(noContent.status()).isEqualTo(204);
        assertThat(noContent.body()).isEmpty();
        assertThat(a.requests()).extracting(TestBackend.Seen::method).containsExactly("HEAD", "DELETE");
    }

    @Test
    void passesABackendErrorBackAsItIs() {
        routes.map(HOST, a.as(APP, 0), b.as(APP, 1));
        a.answer((exchange, id) -> TestBackend.write(exchange, 500, "boom"));

        RouterClient.Reply reply = client.get(HOST, "/");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).isEqualTo("boom");
        assertThat(reply.header("X-Cf-Routererror")).isNull();
        assertThat(b.requests()).as("an answer, even an error, is not retried").isEmpty();
    }

    @Test
    void answers502WhenABackendStopsRespondingAndDoesNotRetry() throws IOException {
        routes.map(HOST, a.as(APP, 0), b.as(APP, 1));
        a.hang();
        RouterOptions quick = RouterOptions.DEFAULTS.withResponseTimeout(Duration.ofMillis(300));

        try (Router impatient = Router.start(0, routes, quick); RouterClient impatientClient = new RouterClient(impatient)) {
            RouterClient.Reply reply = impatientClient.send("POST", HOST, "/pay", "10 EUR");

            assertThat(reply.status()).isEqualTo(502);
            assertThat(reply.header("X-Cf-Routererror")).isEqualTo("endpoint_failure (context deadline exceeded)");
        }
        assertThat(a.requests()).hasSize(1);
        assertThat(b.requests()).isEmpty();
    }

    @Test
    void answersTheLoadBalancerHealthCheck() {
        RouterClient.Reply reply = client.get(null, "/", "User-Agent", "HTTP-Monitor/1.1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("ok\n");
    }

    @Test
    void letsTheRequestFilterAnswerInsteadOfTheBackend() throws IOException {
        routes.map(HOST, a.as(APP, 0));
        RouterAnswer unavailable = new RouterAnswer(503, Map.of("X-Cf-Routererror", "injected"), "503 Service Unavailable\n");
        RequestFilter onlyApi = (host, path) -> path.startsWith("/api") ? Optional.of(unavailable) : Optional.empty();

        try (Router faulty = Router.start(0, routes, RouterOptions.DEFAULTS.withFilter(onlyApi));
                RouterClient faultyClient = new RouterClient(faulty)) {
            assertThat(faultyClient.get(HOST, "/api/x").status()).isEqualTo(503);
            assertThat(faultyClient.get("unknown.example.com", "/api/x").status()).as("unknown routes stay 404").isEqualTo(404);
            assertThat(faultyClient.get(HOST, "/").status()).isEqualTo(200);
        }
        assertThat(a.requests()).extracting(TestBackend.Seen::rawUri).containsExactly("/");
    }

    @Test
    void closeFreesThePortAndMayBeRepeated() throws IOException {
        Router closing = Router.start(0, routes);
        int port = closing.port();
        assertThat(closing.address()).isEqualTo("127.0.0.1:" + port);
        assertThat(closing.uri()).hasToString("http://127.0.0.1:" + port);

        closing.close();
        closing.close();

        try (ServerSocket reuse = new ServerSocket()) {
            reuse.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertThat(reuse.isBound()).isTrue();
        }
    }

    /** A port nothing listens on: bound once to get it, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String result(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
