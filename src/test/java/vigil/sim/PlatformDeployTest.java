package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.sim.HttpProbe.Reply;
import vigil.sim.SimClient.PushedApp;
import vigil.sim.admin.DeployRequest;
import vigil.sim.admin.DeployStatus;

/** A rolling platform deploy with evacuation, probed through the router: an app with 2 instances never fails. */
class PlatformDeployTest {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(50);
    private static Sim sim;
    private static SimClient cf;
    private static PushedApp app;

    @BeforeAll
    static void pushAnAppWithTwoInstances() throws IOException {
        sim = Sim.start(SimOptions.defaults());
        cf = new SimClient(sim);
        app = cf.push("deployed", 2);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Set<String> instanceGuids() {
        return cf.stats(app.guid()).stream().map(stat -> stat.path("instance_guid").asText()).collect(Collectors.toSet());
    }

    @Test
    void anEvacuatingDeployMovesEveryInstanceAndNoRequestFails() throws IOException {
        Set<String> before = instanceGuids();
        JsonNode ended;
        RouterLoad load = new RouterLoad(sim.routerAddress(), app.host()).start(PROBE_INTERVAL);
        try (load) {
            await("first answers through the router").atMost(Duration.ofSeconds(10))
                    .until(() -> load.samples().size() >= 5);

            Reply started = cf.post("/vigil/admin/deploy", "{\"drain_seconds\":0.5}");

            assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
            assertThat(started.json().path("state").asText()).isEqualTo("running");
            assertThat(started.json().path("evacuation").asBoolean()).isTrue();
            assertThat(started.header("Location")).isEqualTo("/vigil/admin/deploys/" + started.json().path("id").asText());
            ended = await("the deploy to end").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> cf.get(started.header("Location")).json(), d -> !d.path("state").asText().equals("running"));
        }

        assertThat(ended.path("state").asText()).as(ended.toPrettyString()).isEqualTo("succeeded");
        assertThat(ended.path("cells")).hasSize(3).allSatisfy(cell -> {
            assertThat(cell.path("phase").asText()).isEqualTo("done");
            assertThat(cell.path("ended_at").asText()).isNotEmpty();
        });
        assertThat(load.samples()).hasSizeGreaterThan(40);
        assertThat(load.failures()).as("failed requests during the deploy").isEmpty();
        Set<String> after = instanceGuids();
        assertThat(after).hasSize(2).doesNotContainAnyElementsOf(before);
        Set<String> answered = load.samples().stream().map(RouterLoad.Sample::body).collect(Collectors.toSet());
        assertThat(answered).as("probes saw the instances change").containsAll(before).containsAnyElementsOf(after);
        assertThat(cf.get("/vigil/admin/status").json().path("cells"))
                .allSatisfy(cell -> assertThat(cell.path("state").asText()).isEqualTo("up"));
    }

    @Test
    void oneDeployAtATimeAndTheJavaApiShowsItsProgress() {
        DeployStatus started = sim.deploys().start(DeployRequest.evacuating().withDrain(Duration.ZERO));

        Reply second = cf.post("/vigil/admin/deploy", "");

        assertThat(second.status()).isEqualTo(422);
        assertThat(second.json().at("/errors/0/title").asText()).isEqualTo("CF-UnprocessableEntity");
        assertThat(second.json().at("/errors/0/detail").asText()).contains("already running").contains(started.id());
        DeployStatus ended = await("the deploy to end").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> sim.deploys().get(started.id()).orElseThrow(), status -> !status.isRunning());
        assertThat(ended.state()).isEqualTo(DeployStatus.SUCCEEDED);
        assertThat(ended.endedAt()).isAfterOrEqualTo(ended.startedAt());
        assertThat(cf.get("/vigil/admin/deploys/not-a-deploy").status()).isEqualTo(404);
        assertThat(cf.post("/vigil/admin/deploy", "{\"drain_seconds\":\"soon\"}").status()).isEqualTo(422);
        assertThat(cf.post("/vigil/admin/deploy", "{not json").status()).isEqualTo(400);
    }
}
