package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.sim.HttpProbe.Reply;
import vigil.testapp.TestAppJar;

/**
 * A syslog drain reached through a TCP route, as CATS binds its listener: {@code syslog://TCP-DOMAIN:PORT}, where
 * the TCP domain has no DNS on this machine. The embedded CF's syslog agent dials a TCP domain's name at its TCP
 * router, which forwards to the listener app mapped to the route; the listener (the test app in syslog listener
 * mode) prints each octet-counted message it got, read back here from the log cache over HTTP.
 */
class SyslogThroughTcpRouteContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(60);
    private static final String TCP_DOMAIN = "tcp.drains.test";

    private static Sim sim;
    private static CcFixture cc;
    private static String space;

    @BeforeAll
    static void start() throws IOException {
        sim = Sim.start(SimOptions.defaults().withCells(1));
        cc = CcFixture.against(sim);
        space = cc.createSpace("drains-space", cc.createOrg("drains-org"));
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void anAppsLinesReachAListenerAppThroughItsTcpRoute() throws IOException {
        String group = cc.get("/routing/v1/router_groups").json().get(0).get("guid").asText();
        Reply domain = cc.post("/v3/domains", "{\"name\":\"" + TCP_DOMAIN + "\",\"router_group\":{\"guid\":\"" + group + "\"}}");
        assertThat(domain.status()).as(domain.raw().body()).isEqualTo(201);
        Reply route = cc.post("/v3/routes", "{\"relationships\":{\"space\":{\"data\":{\"guid\":\"" + space
                + "\"}},\"domain\":{\"data\":{\"guid\":\"" + domain.json().get("guid").asText() + "\"}}}}");
        assertThat(route.status()).as(route.raw().body()).isEqualTo(201);
        String listener = startedListener();
        assertThat(cc.post("/v3/routes/" + route.json().get("guid").asText() + "/destinations",
                "{\"destinations\":[{\"app\":{\"guid\":\"" + listener + "\"}}]}").status()).isEqualTo(200);

        String drained = cc.createApp("drained", space);
        String url = "syslog://" + TCP_DOMAIN + ":" + route.json().get("port").asInt();
        bindDrain(drained, url);
        // Staging writes lines, and the droplet (no class to run) its JVM's complaint: all of it goes to the drain.
        cc.pushDroplet(drained);

        String received = await("a message of app " + drained + " at the listener behind " + url)
                .atMost(START).pollInterval(Duration.ofMillis(200))
                .until(() -> receivedBy(listener, drained), line -> line != null);
        assertThat(received).as("what the listener printed").startsWith("vigil-syslog-received ")
                .contains(" " + drained + " ");
    }

    private static String startedListener() throws IOException {
        String app = cc.createApp("listener", space);
        cc.patch("/v3/apps/" + app + "/environment_variables", "{\"var\":{\"VIGIL_SYSLOG_LISTENER\":\"true\"}}");
        cc.pushDroplet(app, TestAppJar.bytes("drain"));
        assertThat(cc.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);
        await("the listener RUNNING").atMost(START).pollInterval(Duration.ofMillis(50)).until(() ->
                cc.get("/v3/processes/" + app + "/stats").json().at("/resources/0/state").asText(), "RUNNING"::equals);
        return app;
    }

    private static void bindDrain(String app, String url) {
        Reply instance = cc.post("/v3/service_instances", "{\"type\":\"user-provided\",\"name\":\"drain-"
                + UUID.randomUUID() + "\",\"syslog_drain_url\":\"" + url + "\",\"relationships\":{\"space\":"
                + "{\"data\":{\"guid\":\"" + space + "\"}}}}");
        assertThat(instance.status()).as(instance.raw().body()).isEqualTo(201);
        Reply binding = cc.post("/v3/service_credential_bindings", "{\"type\":\"app\",\"relationships\":{"
                + "\"service_instance\":{\"data\":{\"guid\":\"" + instance.json().get("guid").asText() + "\"}},"
                + "\"app\":{\"data\":{\"guid\":\"" + app + "\"}}}}");
        assertThat(binding.status()).as(binding.raw().body()).isEqualTo(201);
    }

    private static String receivedBy(String listener, String drained) {
        return logs(listener).stream().filter(line -> line.startsWith("vigil-syslog-received ")
                && line.contains(" " + drained + " ")).findFirst().orElse(null);
    }

    /** The app's recent log lines, read from the log cache as any client reads them. */
    private static List<String> logs(String app) {
        List<String> lines = new ArrayList<>();
        String logCache = cc.get("/").json().at("/links/log_cache/href").asText();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(logCache + "/api/v1/read/" + app + "?limit=1000")).header("Authorization",
                    "bearer " + cc.token("")).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode envelope : JSON.readTree(response.body()).at("/envelopes/batch")) {
                lines.add(new String(Base64.getDecoder().decode(envelope.path("log").path("payload").asText()),
                        StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return lines;
    }
}
