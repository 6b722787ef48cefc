package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.sim.SimClient.PushedApp;
import vigil.sim.admin.DeployRequest;
import vigil.sim.admin.DeployStatus;

/** One cell holds both instances: a deploy without evacuation is real, measurable downtime. */
class DeployWithoutEvacuationTest {

    private static Sim sim;
    private static SimClient cf;
    private static PushedApp app;

    @BeforeAll
    static void pushAnAppWithBothInstancesOnTheOnlyCell() throws IOException {
        sim = Sim.start(SimOptions.defaults().withCells(1));
        cf = new SimClient(sim);
        app = cf.push("undrained", 2);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void requestsFailWhileTheCellRestartsAndTheAppRecoversAfterwards() throws IOException {
        RouterLoad load = new RouterLoad(sim.routerAddress(), app.host()).start(Duration.ofMillis(50));
        DeployStatus ended;
        try (load) {
            await("first answers through the router").atMost(Duration.ofSeconds(10))
                    .until(() -> load.samples().size() >= 5);

            DeployStatus started = sim.deploys().start(DeployRequest.withoutEvacuation().withDrain(Duration.ofSeconds(1)));
            ended = await("the deploy to end").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> sim.deploys().get(started.id()).orElseThrow(), status -> !status.isRunning());
            await("answers again").atMost(Duration.ofSeconds(30)).until(() -> load.probe().ok());
        }

        assertThat(ended.state()).isEqualTo(DeployStatus.SUCCEEDED);
        assertThat(ended.cells()).singleElement().satisfies(cell -> {
            assertThat(cell.phase()).isEqualTo("done");
            assertThat(cell.instances()).isEqualTo(2);
        });
        assertThat(load.failures()).as("requests failed while the only cell restarted").hasSizeGreaterThan(5)
                .allSatisfy(failure -> assertThat(failure.status()).isIn(404, 502));
        cf.awaitRunning(app.guid(), 2, Duration.ofSeconds(30));
    }
}
