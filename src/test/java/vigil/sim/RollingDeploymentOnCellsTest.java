package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;
import vigil.sim.api.CcFaults;
import vigil.sim.cells.Cells;
import vigil.sim.router.Router;
import vigil.testapp.TestAppJar;

/**
 * Rolling deployments end to end: the CC over HTTP, real instances of the packed test app on the cells, and
 * the router in front, probed at 20 Hz for {@code /version} while a deployment replaces two instances.
 */
class RollingDeploymentOnCellsTest {

    private static final Duration PROBE_PERIOD = Duration.ofMillis(50);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path workDir;
    private static final CcFaults FAULTS = new CcFaults();
    private static Cells cells;
    private static CcFixture cc;
    private static Router router;
    private static String space;

    @BeforeAll
    static void start() throws IOException {
        cells = Cells.start(new Cells.Options(2, workDir.resolve("cells"), null));
        cc = new CcFixture(workDir.resolve("cc"), cells, FAULTS);
        router = Router.start(0, new RouteBackends(cc.cc, cells));
        space = cc.createSpace("space", cc.createOrg("org-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stop() {
        router.close();
        cc.close();
        cells.close();
        assertThat(cells.liveProcesses()).isZero();
    }

    @AfterEach
    void noFaults() {
        FAULTS.deploymentsStopOldInstancesFirst(false);
    }

    private record Pushed(String app, String host, String v1, String v2) {
    }

    /**
     * Two instances of the test app marked v1 behind a route, and a staged v2 droplet. The http health check
     * on {@code /sleep/600} makes every replacement take a while, so a test can act in the middle of one.
     */
    private static Pushed pushed() throws IOException {
        String name = "roll-" + UUID.randomUUID().toString().substring(0, 8);
        String app = cc.createApp(name, space);
        String route = cc.createRoute(name, null, space);
        assertThat(cc.post("/v3/routes/" + route + "/destinations",
                "{\"destinations\":[{\"app\":{\"guid\":\"" + app + "\"}}]}").status()).isEqualTo(200);
        String v1 = droplet(app, "v1");
        String v2 = droplet(app, "v2");
        cc.patch("/v3/apps/" + app + "/relationships/current_droplet", "{\"data\":{\"guid\":\"" + v1 + "\"}}");
        cc.patch("/v3/apps/" + app + "/processes/web", "{\"health_check\":{\"type\":\"http\",\"data\":"
                + "{\"endpoint\":\"/sleep/600\",\"invocation_timeout\":5}}}");
        cc.post("/v3/apps/" + app + "/processes/web/actions/scale", "{\"instances\":2,\"memory_in_mb\":64}");
        assertThat(cc.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);
        await("2 instances of " + name + " running").atMost(DEPLOY_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> running(app) == 2);
        return new Pushed(app, name + "." + CcFixture.APPS_DOMAIN, v1, v2);
    }

    private static String droplet(String app, String marker) throws IOException {
        JsonNode build = cc.stagedBuild(cc.uploadedPackage(app, TestAppJar.bytes(marker)));
        assertThat(build.get("state").asText()).isEqualTo("STAGED");
        return build.at("/droplet/guid").asText();
    }

    private static long running(String app) {
        JsonNode stats = cc.get("/v3/apps/" + app + "/processes/web/stats").json().get("resources");
        return StreamSupport.stream(stats.spliterator(), false)
                .filter(instance -> instance.get("state").asText().equals("RUNNING")).count();
    }

    private static String deploy(Pushed pushed, String droplet) {
        Reply created = cc.post("/v3/deployments", "{\"droplet\":{\"guid\":\"" + droplet + "\"},\"relationships\":"
                + "{\"app\":{\"data\":{\"guid\":\"" + pushed.app() + "\"}}},\"options\":{\"max_in_flight\":1}}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("guid").asText();
    }

    /** Waits for the reason, noting how many instances ran at every look. */
    private static JsonNode awaitReason(String deployment, String reason, List<Long> runningSeen, String app) {
        return await("deployment " + reason).atMost(DEPLOY_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    runningSeen.add(running(app));
                    return cc.get("/v3/deployments/" + deployment).json();
                }, d -> d.at("/status/reason").asText().equals(reason));
    }

    private static String currentDroplet(String app) {
        return cc.get("/v3/apps/" + app + "/droplets/current").json().get("guid").asText();
    }

    @Test
    void rollingDeploymentSwitchesEveryInstanceToTheNewDropletWithoutAFailedRequest() throws Exception {
        Pushed pushed = pushed();
        List<Long> runningSeen = new CopyOnWriteArrayList<>();
        try (RouteProbe probe = RouteProbe.start(router.uri(), pushed.host(), "/version", PROBE_PERIOD)) {
            await("v1 answers").atMost(DEPLOY_TIMEOUT).until(() -> probe.answersSince(0, "v1") > 0);

            String deployment = deploy(pushed, pushed.v2());

            JsonNode deployed = awaitReason(deployment, "DEPLOYED", runningSeen, pushed.app());
            long finishedAt = System.nanoTime();
            await("v2 answers after the deployment").atMost(DEPLOY_TIMEOUT)
                    .until(() -> probe.answersSince(finishedAt, "v2") >= 5);

            assertThat(deployed.at("/status/value").asText()).isEqualTo("FINALIZED");
            assertThat(probe.failures()).as("failed requests during the deployment").isEmpty();
            assertThat(probe.samples()).extracting(RouteProbe.Sample::body).contains("v1", "v2");
            assertThat(probe.samples().stream().filter(s -> s.nanos() > finishedAt)).extracting(RouteProbe.Sample::body)
                    .containsOnly("v2");
        }
        assertThat(runningSeen).as("RUNNING instances at each look").isNotEmpty().allMatch(count -> count >= 2);
        assertThat(currentDroplet(pushed.app())).isEqualTo(pushed.v2());
    }

    @Test
    void cancelledDeploymentReturnsToThePreviousDropletWithoutAFailedRequest() throws Exception {
        Pushed pushed = pushed();
        List<Long> runningSeen = new CopyOnWriteArrayList<>();
        try (RouteProbe probe = RouteProbe.start(router.uri(), pushed.host(), "/version", PROBE_PERIOD)) {
            await("v1 answers").atMost(DEPLOY_TIMEOUT).until(() -> probe.answersSince(0, "v1") > 0);
            String deployment = deploy(pushed, pushed.v2());
            await("the first v2 instance answers").atMost(DEPLOY_TIMEOUT).until(() -> probe.answersSince(0, "v2") > 0);

            Reply cancel = cc.post("/v3/deployments/" + deployment + "/actions/cancel", null);

            assertThat(cancel.status()).as(cancel.raw().body()).isEqualTo(200);
            assertThat(currentDroplet(pushed.app())).isEqualTo(pushed.v1());
            JsonNode canceled = awaitReason(deployment, "CANCELED", runningSeen, pushed.app());
            long finishedAt = System.nanoTime();
            await("v1 answers after the cancel").atMost(DEPLOY_TIMEOUT)
                    .until(() -> probe.answersSince(finishedAt, "v1") >= 5);

            assertThat(canceled.at("/status/value").asText()).isEqualTo("FINALIZED");
            assertThat(probe.failures()).as("failed requests during the deployment and its cancel").isEmpty();
            assertThat(probe.samples().stream().filter(s -> s.nanos() > finishedAt)).extracting(RouteProbe.Sample::body)
                    .containsOnly("v1");
        }
        assertThat(runningSeen).allMatch(count -> count >= 2);
    }

    @Test
    void stopOldInstancesFirstFaultMakesRequestsFail() throws Exception {
        Pushed pushed = pushed();
        FAULTS.deploymentsStopOldInstancesFirst(true);
        try (RouteProbe probe = RouteProbe.start(router.uri(), pushed.host(), "/version", PROBE_PERIOD)) {
            await("v1 answers").atMost(DEPLOY_TIMEOUT).until(() -> probe.answersSince(0, "v1") > 0);

            String deployment = deploy(pushed, pushed.v2());

            awaitReason(deployment, "DEPLOYED", new CopyOnWriteArrayList<>(), pushed.app());
            long finishedAt = System.nanoTime();
            await("v2 answers after the deployment").atMost(DEPLOY_TIMEOUT)
                    .until(() -> probe.answersSince(finishedAt, "v2") >= 3);
            assertThat(probe.failures()).as("requests failed while no instance was up").isNotEmpty();
        }
    }
}
