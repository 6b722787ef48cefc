package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vigil.sim.HttpProbe.Reply;
import vigil.testapp.TestAppJar;

/**
 * The embedded CF through HTTP alone, as an independent CF client would drive it: push the test app,
 * reach it through the router, scale it, crash an instance and watch it come back, delete it. And when
 * the sim stops, no app process is left.
 */
class SimEndToEndTest {
    private static final Duration START = Duration.ofSeconds(60);

    private final HttpClient router = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void pushReachScaleCrashAndDeleteAnAppThenStopWithoutLeftovers() throws Exception {
        Set<ProcessHandle> instanceProcesses = new HashSet<>();
        Sim sim = Sim.start(SimOptions.defaults());
        try (CcFixture cf = CcFixture.against(sim)) {
            String org = cf.createOrg("e2e-org");
            String space = cf.createSpace("e2e-space", org);
            String app = cf.createApp("e2e-app", space);
            cf.pushDroplet(app, TestAppJar.bytes("e2e-v1"));
            String route = cf.createRoute("e2e-app", null, space);
            assertThat(cf.post("/v3/routes/" + route + "/destinations",
                    "{\"destinations\":[{\"app\":{\"guid\":\"" + app + "\"}}]}").status()).isEqualTo(200);
            assertThat(cf.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);
            String host = "e2e-app." + sim.appsDomain();

            awaitRunning(cf, app, 1);
            HttpResponse<String> greeting = viaRouter(sim, host, "/", Map.of());
            assertThat(greeting.statusCode()).isEqualTo(200);
            assertThat(greeting.body()).contains("e2e-app").contains("instance 0");
            assertThat(viaRouter(sim, host, "/version", Map.of()).body()).isEqualTo("e2e-v1");

            assertThat(cf.post("/v3/processes/" + app + "/actions/scale", "{\"instances\":3}").status()).isEqualTo(202);
            List<JsonNode> three = awaitRunning(cf, app, 3);
            Set<String> indices = new HashSet<>();
            for (int index = 0; index < 3; index++) {
                HttpResponse<String> answer = viaRouter(sim, host, "/index", Map.of("X-Cf-App-Instance", app + ":" + index));
                assertThat(answer.statusCode()).as("instance %s", index).isEqualTo(200);
                indices.add(answer.body().trim());
            }
            assertThat(indices).containsExactlyInAnyOrder("0", "1", "2");
            ProcessHandle.current().descendants().forEach(instanceProcesses::add);

            String crashedGuid = three.get(1).get("instance_guid").asText();
            AtomicBoolean sawCrashed = new AtomicBoolean();
            assertThat(viaRouter(sim, host, "/crash", Map.of("X-Cf-App-Instance", app + ":1")).statusCode()).isEqualTo(200);
            JsonNode replaced = await("instance 1 to crash and run again with a new GUID").atMost(START)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        JsonNode instance = stats(cf, app).get(1);
                        if (instance.get("state").asText().equals("CRASHED")) {
                            sawCrashed.set(true);
                        }
                        return instance;
                    }, instance -> instance.get("state").asText().equals("RUNNING")
                            && !instance.get("instance_guid").asText().equals(crashedGuid));
            assertThat(sawCrashed).as("instance 1 was reported CRASHED before it ran again").isTrue();
            assertThat(replaced.get("index").asInt()).isEqualTo(1);
            ProcessHandle.current().descendants().forEach(instanceProcesses::add);

            cf.awaitJob(cf.delete("/v3/apps/" + app));
            HttpResponse<String> gone = viaRouter(sim, host, "/", Map.of());
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.headers().firstValue("X-Cf-Routererror")).hasValue("unknown_route");
        } finally {
            sim.close();
        }
        assertThat(instanceProcesses).as("app instance processes seen during the test").isNotEmpty();
        assertThat(instanceProcesses.stream().filter(ProcessHandle::isAlive).collect(Collectors.toList()))
                .as("processes left alive after the sim stopped").isEmpty();
    }

    private static List<JsonNode> awaitRunning(CcFixture cf, String app, int instances) {
        return await(instances + " instances RUNNING").atMost(START).pollInterval(Duration.ofMillis(50))
                .until(() -> stats(cf, app), stats -> stats.size() == instances
                        && stats.stream().allMatch(s -> s.get("state").asText().equals("RUNNING")));
    }

    private static List<JsonNode> stats(CcFixture cf, String app) {
        Reply reply = cf.get("/v3/processes/" + app + "/stats");
        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> resources = new java.util.ArrayList<>();
        reply.json().get("resources").forEach(resources::add);
        return resources;
    }

    private HttpResponse<String> viaRouter(Sim sim, String host, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + sim.routerAddress() + path))
                .timeout(Duration.ofSeconds(10)).header("Host", host);
        headers.forEach(request::header);
        return router.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
