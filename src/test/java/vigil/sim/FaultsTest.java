package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.sim.HttpProbe.Reply;
import vigil.sim.SimClient.PushedApp;
import vigil.sim.admin.Fault;
import vigil.sim.admin.FaultKind;
import vigil.sim.admin.FaultRequest;

/** Injected faults against a real embedded CF with an app of 2 instances, over the admin API and the Java API. */
class FaultsTest {

    private static Sim sim;
    private static SimClient cf;
    private static PushedApp app;
    private final HttpProbe http = new HttpProbe();

    @BeforeAll
    static void pushAnAppWithTwoInstances() throws IOException {
        sim = Sim.start(SimOptions.defaults());
        cf = new SimClient(sim);
        app = cf.push("faulty", 2);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void endFaults() {
        sim.faults().active().forEach(fault -> sim.faults().end(fault.id()));
    }

    private static JsonNode cell(String name) {
        return StreamSupport.stream(cf.get("/vigil/admin/status").json().path("cells").spliterator(), false)
                .filter(cell -> cell.path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void killCellKillsItsInstancesAndTheyRunAgainElsewhereWithinAMinute() {
        cf.awaitRunning(app.guid(), 2, Duration.ofSeconds(60));
        Set<String> before = cf.stats(app.guid()).stream().map(s -> s.path("instance_guid").asText()).collect(Collectors.toSet());

        Reply started = cf.post("/vigil/admin/faults", "{\"kind\":\"kill-cell\",\"duration_seconds\":30}");

        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        String killed = started.json().path("cell").asText();
        assertThat(killed).startsWith("cell-");
        assertThat(cell(killed).path("state").asText()).isEqualTo("down");
        assertThat(cf.get("/vigil/admin/status").json().path("faults")).singleElement()
                .satisfies(fault -> assertThat(fault.path("kind").asText()).isEqualTo("kill-cell"));
        List<JsonNode> after = await("instances running again on other cells").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> cf.stats(app.guid()), stats -> stats.size() == 2
                        && stats.stream().allMatch(s -> s.path("state").asText().equals("RUNNING"))
                        && !before.containsAll(stats.stream().map(s -> s.path("instance_guid").asText()).toList()));
        assertThat(after).hasSize(2);
        assertThat(cell(killed).path("instances").asInt()).isZero();

        Reply ended = cf.delete(started.header("Location"));

        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().path("state").asText()).isEqualTo("ended");
        assertThat(cell(killed).path("state").asText()).isEqualTo("up");
        assertThat(cf.get("/vigil/admin/faults").json().path("resources")).isEmpty();
    }

    @Test
    void apiOutageAnswers503ToTheCfApiButNotToAdminAndEndsByItself() {
        URI info = sim.apiUrl().resolve("/v3/info");
        Reply started = cf.post("/vigil/admin/faults", "{\"kind\":\"api-outage\",\"duration_seconds\":2}");
        assertThat(started.status()).isEqualTo(201);

        Reply down = http.get(info);

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().at("/errors/0/title").asText()).isEqualTo("CF-ServiceUnavailable");
        assertThat(down.json().at("/errors/0/code").asInt()).isEqualTo(10015);
        assertThat(cf.get("/v3/apps").status()).isEqualTo(503);
        Reply admin = cf.get("/vigil/admin/faults");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().path("resources")).singleElement()
                .satisfies(fault -> assertThat(fault.path("kind").asText()).isEqualTo("api-outage"));
        await("the outage to end by itself").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(info).status() == 200);
        assertThat(cf.get(started.header("Location")).json().path("state").asText()).isEqualTo("ended");
    }

    @Test
    void routerErrorsWithShareOneFailEveryRequestWithEndpointFailure() throws IOException {
        cf.awaitRunning(app.guid(), 2, Duration.ofSeconds(60));
        Fault fault = sim.faults().start(FaultRequest.of(FaultKind.ROUTER_ERRORS).failingShare(1.0));
        try (RouterLoad router = new RouterLoad(sim.routerAddress(), app.host())) {
            for (int i = 0; i < 5; i++) {
                RouterLoad.Sample sample = router.probe();
                assertThat(sample.status()).isEqualTo(502);
                assertThat(sample.routerError()).startsWith("endpoint_failure");
            }

            sim.faults().end(fault.id());

            assertThat(router.probe().ok()).isTrue();
        }
    }

    @Test
    void routerErrorsFailTheGivenShareOfRequests() throws IOException {
        cf.awaitRunning(app.guid(), 2, Duration.ofSeconds(60));
        // A quarter is exact in binary, so exactly every fourth request fails, wherever the count starts.
        sim.faults().start(FaultRequest.of(FaultKind.ROUTER_ERRORS).failingShare(0.25));
        try (RouterLoad router = new RouterLoad(sim.routerAddress(), app.host())) {
            long failed = IntStream.range(0, 20).mapToObj(i -> router.probe()).filter(s -> !s.ok()).count();
            assertThat(failed).isEqualTo(5);
        }
    }

    @Test
    void slowApiDelaysCfApiAnswersButNotAdminOnes() {
        sim.faults().start(FaultRequest.of(FaultKind.SLOW_API).delayedBy(Duration.ofMillis(700)));

        long start = System.nanoTime();
        assertThat(http.get(sim.apiUrl().resolve("/v3/info")).status()).isEqualTo(200);
        long slowMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        assertThat(cf.get("/vigil/admin/faults").status()).isEqualTo(200);
        long adminMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(slowMillis).isGreaterThanOrEqualTo(700);
        assertThat(adminMillis).isLessThan(700);
    }

    @Test
    void adminEndpointsRefuseCallersWithoutTheAdminScope() {
        String readOnly = readOnlyToken();
        for (String path : List.of("/vigil/admin/faults", "/vigil/admin/deploys", "/vigil/admin/status")) {
            assertThat(cf.send("GET", path, null, null).status()).as(path).isEqualTo(401);
            Reply refused = cf.send("GET", path, null, readOnly);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().path("error_code").asText()).isEqualTo("CF-NotAuthorized");
        }
        assertThat(cf.send("POST", "/vigil/admin/faults", "{\"kind\":\"api-outage\"}", readOnly).status()).isEqualTo(403);
        assertThat(cf.send("POST", "/vigil/admin/deploy", "{}", null).status()).isEqualTo(401);
        assertThat(sim.faults().active()).isEmpty();
    }

    @Test
    void badFaultRequestsAreNamedInTheAnswer() {
        Reply unknownKind = cf.post("/vigil/admin/faults", "{\"kind\":\"meteor\"}");
        assertThat(unknownKind.status()).isEqualTo(422);
        assertThat(unknownKind.json().at("/errors/0/detail").asText())
                .contains("kill-cell, api-outage, slow-api, router-errors").contains("meteor");
        assertThat(cf.post("/vigil/admin/faults", "{\"kind\":\"kill-cell\",\"cell\":\"cell-9\"}").json()
                .at("/errors/0/detail").asText()).contains("cell-9");
        assertThat(cf.post("/vigil/admin/faults", "{\"kind\":\"router-errors\",\"share\":1.5}").status()).isEqualTo(422);
        assertThat(cf.post("/vigil/admin/faults", "{\"kind\":\"api-outage\",\"duration_seconds\":0}").status()).isEqualTo(422);
        assertThat(cf.delete("/vigil/admin/faults/no-such-fault").status()).isEqualTo(404);
        assertThat(sim.faults().active()).isEmpty();
    }

    private String readOnlyToken() {
        Reply reply = http.postForm(sim.uaaUrl().resolve("/oauth/token"), Map.of("grant_type", "password",
                "username", sim.adminUser(), "password", sim.adminPassword(), "scope", "cloud_controller.read"), "cf", "");
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }
}
