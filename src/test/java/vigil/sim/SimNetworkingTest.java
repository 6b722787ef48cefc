package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.sim.HttpProbe.Reply;
import vigil.testapp.TestAppJar;

/**
 * TCP routing and container networking of the embedded CF, through HTTP and plain sockets only: the routing
 * API's router groups, TCP domains and routes, the internal domain, the policy server's API with its own error
 * shape; bytes through the TCP router to a real app process over a {@link java.net.Socket}; an app calling
 * another with the JDK's HttpClient at its defaults only while a policy allows it; and nothing left listening
 * once the sim stops.
 */
class SimNetworkingTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String ROUTE_PORT_REFUSED = "is not available. Try a different port or use a different domain.";

    private static Sim sim;
    private static CcFixture cf;
    private static String space;
    private static String tcpDomain;

    private final HttpClient router = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startSim() throws IOException {
        sim = Sim.start(SimOptions.defaults());
        cf = CcFixture.against(sim);
        space = cf.createSpace("net-space", cf.createOrg("net-org"));
        String group = cf.get("/routing/v1/router_groups").json().get(0).get("guid").asText();
        Reply domain = cf.post("/v3/domains", "{\"name\":\"tcp.net.test\",\"router_group\":{\"guid\":\"" + group + "\"}}");
        assertThat(domain.status()).as(domain.raw().body()).isEqualTo(201);
        tcpDomain = domain.json().get("guid").asText();
    }

    @AfterAll
    static void stopSim() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void routerGroupsAndTcpDomainsAreServedAsTheRoutingApiAndCcDocumentThem() {
        JsonNode groups = cf.get("/routing/v1/router_groups").json();
        assertThat(groups.isArray()).isTrue();
        assertThat(groups.get(0).get("name").asText()).isEqualTo("default-tcp");
        assertThat(groups.get(0).get("type").asText()).isEqualTo("tcp");
        assertThat(groups.get(0).get("reservable_ports").asText()).isEqualTo("1024-65535");
        assertThat(cf.get("/").json().at("/links/routing/href").asText()).endsWith("/routing");
        assertThat(cf.get("/v2/info").json().get("routing_endpoint").asText()).isEqualTo(sim.apiUrl() + "/routing");

        JsonNode domain = cf.get("/v3/domains/" + tcpDomain).json();
        assertThat(domain.at("/router_group/guid").asText()).isEqualTo(groups.get(0).get("guid").asText());
        assertThat(domain.get("supported_protocols").toString()).isEqualTo("[\"tcp\"]");
        Reply unknownGroup = cf.post("/v3/domains", "{\"name\":\"tcp2.net.test\",\"router_group\":{\"guid\":\"nope\"}}");
        assertThat(unknownGroup.status()).isEqualTo(422);

        JsonNode internal = cf.get("/v3/domains?names=apps.internal").json().at("/resources/0");
        assertThat(internal.get("internal").asBoolean()).isTrue();
        assertThat(internal.get("router_group").isNull()).isTrue();
    }

    @Test
    void tcpAndInternalRoutesAreCheckedAsCcChecksThem() {
        JsonNode route = tcpRoute();
        assertThat(route.get("protocol").asText()).isEqualTo("tcp");
        assertThat(route.get("host").asText()).isEmpty();
        int port = route.get("port").asInt();
        assertThat(port).isBetween(1024, 65535);
        assertThat(route.get("url").asText()).isEqualTo("tcp.net.test:" + port);

        assertThat(createRoute(tcpDomain, "\"port\":" + port).raw().body())
                .contains("Route already exists with port '" + port + "' for domain 'tcp.net.test'.");
        assertThat(createRoute(tcpDomain, "\"host\":\"web\"").raw().body()).contains("Hosts are not supported for TCP routes.");
        assertThat(createRoute(tcpDomain, "\"port\":80").raw().body()).contains(ROUTE_PORT_REFUSED);
        assertThat(createRoute(cf.sharedDomainGuid(), "\"host\":\"web\",\"port\":" + port).raw().body())
                .contains("Routes with protocol 'http' do not support ports.");
        String internal = cf.get("/v3/domains?names=apps.internal").json().at("/resources/0/guid").asText();
        assertThat(createRoute(internal, "\"host\":\"*\"").raw().body())
                .contains("Wildcard hosts are not supported for internal domains.");
        assertThat(createRoute(internal, "\"host\":\"web\",\"path\":\"/x\"").raw().body())
                .contains("Paths are not supported for internal domains.");
    }

    @Test
    void policiesAreCreatedListedAndDeletedAsThePolicyServerDocuments() {
        String source = cf.createApp("policy-source", space);
        String destination = cf.createApp("policy-destination", space);
        String policy = policy(source, destination, "tcp");

        assertThat(cf.post("/networking/v1/external/policies", policy).status()).isEqualTo(200);
        JsonNode listed = cf.get("/networking/v1/external/policies?id=" + destination).json();
        assertThat(listed.get("total_policies").asInt()).isEqualTo(1);
        assertThat(listed.at("/policies/0/source/id").asText()).isEqualTo(source);
        assertThat(listed.at("/policies/0/destination/ports/start").asInt()).isEqualTo(8080);

        Reply badProtocol = cf.post("/networking/v1/external/policies", policy(source, destination, "icmp"));
        assertThat(badProtocol.status()).isEqualTo(400);
        assertThat(badProtocol.json().get("error").asText()).contains("specify either udp or tcp");
        assertThat(cf.post("/networking/v1/external/policies", policy(source, "no-such-app", "tcp")).status())
                .isEqualTo(400);

        assertThat(cf.post("/networking/v1/external/policies/delete", policy).status()).isEqualTo(200);
        assertThat(cf.get("/networking/v1/external/policies?id=" + destination).json().get("total_policies").asInt())
                .isZero();
    }

    @Test
    void aPlainSocketReachesAnAppThroughTheTcpRouterUntilTheRouteIsUnmapped() throws Exception {
        String app = startedApp("echo", true);
        JsonNode created = tcpRoute();
        int port = created.get("port").asInt();
        String route = created.get("guid").asText();
        map(route, app);

        String line = "hello " + UUID.randomUUID();
        assertThat(await("an echo through the TCP router").atMost(START).pollInterval(Duration.ofMillis(100))
                .until(() -> echo(port, line), line::equals)).isEqualTo(line);

        String destination = cf.get("/v3/routes/" + route + "/destinations").json().at("/destinations/0/guid").asText();
        assertThat(cf.get("/v3/routes/" + route + "/destinations").json().at("/destinations/0/protocol").asText())
                .isEqualTo("tcp");
        assertThat(cf.delete("/v3/routes/" + route + "/destinations/" + destination).status()).isEqualTo(204);
        assertThatThrownBy(() -> echo(port, line)).as("a connection to the unmapped route").isInstanceOf(IOException.class);
    }

    @Test
    void anAppWithHttpClientDefaultsReachesAnotherOnlyWhileAPolicyAllowsIt() throws Exception {
        String backend = startedApp("net-backend", false);
        String frontend = startedApp("net-frontend", false);
        String internal = cf.get("/v3/domains?names=apps.internal").json().at("/resources/0/guid").asText();
        Reply route = createRoute(internal, "\"host\":\"net-backend\"");
        assertThat(route.status()).as(route.raw().body()).isEqualTo(201);
        map(route.json().get("guid").asText(), backend);
        String call = "/proxy/net-backend.apps.internal:8080/";

        HttpResponse<String> denied = await("the frontend's call refused without a policy").atMost(START)
                .pollInterval(Duration.ofMillis(200)).until(() -> viaRouter("net-frontend", call), r -> r.statusCode() == 502);
        assertThat(denied.body()).startsWith("proxy to http://net-backend.apps.internal:8080/ failed");

        assertThat(cf.post("/networking/v1/external/policies", policy(frontend, backend, "tcp")).status()).isEqualTo(200);
        HttpResponse<String> allowed = await("the frontend's call let through by the policy").atMost(START)
                .pollInterval(Duration.ofMillis(200)).until(() -> viaRouter("net-frontend", call), r -> r.statusCode() == 200);
        assertThat(allowed.body()).contains("net-backend");

        assertThat(cf.post("/networking/v1/external/policies/delete", policy(frontend, backend, "tcp")).status())
                .isEqualTo(200);
        assertThat(viaRouter("net-frontend", call).statusCode()).as("the next call once the policy is gone").isEqualTo(502);
    }

    @Test
    void stoppingTheSimLeavesNothingListening() throws Exception {
        Sim other = Sim.start(SimOptions.defaults());
        CcFixture client = CcFixture.against(other);
        String otherSpace = client.createSpace("s", client.createOrg("o"));
        String group = client.get("/routing/v1/router_groups").json().get(0).get("guid").asText();
        String domain = client.post("/v3/domains", "{\"name\":\"tcp.other.test\",\"router_group\":{\"guid\":\"" + group
                + "\"}}").json().get("guid").asText();
        int port = client.post("/v3/routes", "{\"relationships\":{\"space\":{\"data\":{\"guid\":\"" + otherSpace
                + "\"}},\"domain\":{\"data\":{\"guid\":\"" + domain + "\"}}}}").json().get("port").asInt();
        try (Socket open = new Socket("127.0.0.1", port)) {
            assertThat(open.isConnected()).as("the TCP router listens on the new route's port").isTrue();
        }

        other.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("port %s after the sim stopped", port)
                .isInstanceOf(java.net.ConnectException.class);
    }

    private static JsonNode tcpRoute() {
        Reply created = createRoute(tcpDomain, null);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json();
    }

    private static Reply createRoute(String domain, String fields) {
        return cf.post("/v3/routes", "{" + (fields == null ? "" : fields + ",") + "\"relationships\":{\"space\":{\"data\":"
                + "{\"guid\":\"" + space + "\"}},\"domain\":{\"data\":{\"guid\":\"" + domain + "\"}}}}");
    }

    private static void map(String route, String app) {
        assertThat(cf.post("/v3/routes/" + route + "/destinations",
                "{\"destinations\":[{\"app\":{\"guid\":\"" + app + "\"}}]}").status()).isEqualTo(200);
    }

    /** The test app, started; in its TCP echo mode, or serving HTTP at {@code name.<apps domain>}. */
    private static String startedApp(String name, boolean tcpEcho) throws IOException {
        String app = cf.createApp(name, space);
        if (tcpEcho) {
            cf.patch("/v3/apps/" + app + "/environment_variables", "{\"var\":{\"VIGIL_TCP_ECHO\":\"true\"}}");
        } else {
            map(cf.createRoute(name, null, space), app);
        }
        cf.pushDroplet(app, TestAppJar.bytes("net"));
        assertThat(cf.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);
        await(name + " RUNNING").atMost(START).pollInterval(Duration.ofMillis(50)).until(() ->
                cf.get("/v3/processes/" + app + "/stats").json().at("/resources/0/state").asText(), "RUNNING"::equals);
        return app;
    }

    private static String policy(String source, String destination, String protocol) {
        return "{\"policies\":[{\"source\":{\"id\":\"" + source + "\"},\"destination\":{\"id\":\"" + destination
                + "\",\"protocol\":\"" + protocol + "\",\"ports\":{\"start\":8080,\"end\":8080}}}]}";
    }

    /** One line over a plain socket to the TCP router: no Vigil code between the test and the app. */
    private static String echo(int port, String line) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(sim.tcpRouterAddress(), port), 2000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (answer == null) {
                throw new java.io.EOFException("closed without an answer");
            }
            return answer;
        }
    }

    private HttpResponse<String> viaRouter(String host, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + sim.routerAddress() + path))
                .timeout(Duration.ofSeconds(15)).header("Host", host + "." + sim.appsDomain()).build();
        return router.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
