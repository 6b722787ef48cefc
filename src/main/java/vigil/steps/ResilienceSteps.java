package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import vigil.cf.AppResponse;
import vigil.cf.InstanceStats;
import vigil.cf.PushedApp;

/** Instances that crash, fail their health check or come and go with scaling. */
public final class ResilienceSteps {
    private static final int SAMPLE = 30;

    private final ScenarioContext context;
    private String troubledGuid;

    public ResilienceSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("instance {int} of the app crashes")
    public void instanceCrashes(int index) {
        PushedApp app = context.app();
        troubledGuid = instance(app, index).instanceGuid();
        AppResponse response = context.requests().get(context.requests().host(app), "/crash",
                Map.of("X-Cf-App-Instance", app.app().guid() + ":" + index));
        assertThat(response.status()).as("GET /crash of instance %s", index).isEqualTo(200);
    }

    /** Remembers the instance now at the index, for "instance N runs again with a new instance GUID". */
    void instanceAbout(int index) {
        troubledGuid = instance(context.app(), index).instanceGuid();
    }

    @Then("instance {int} runs again with a new instance GUID")
    public void instanceRunsAgain(int index) {
        PushedApp app = context.app();
        InstanceStats again = Awaitility.await("instance " + index + " of " + app.app().name()
                        + " to be RUNNING again with a new GUID (crashed: " + troubledGuid + ")")
                .pollInSameThread().pollInterval(context.cf().timeouts().poll()).atMost(context.cf().timeouts().start())
                .until(() -> instance(app, index), s -> s.state().equals("RUNNING") && !s.instanceGuid().equals(troubledGuid));
        assertThat(again.index()).isEqualTo(index);
    }

    @Then("the app answers through its route again")
    public void answersAgain() {
        PushedApp app = context.app();
        Awaitility.await("the route of " + app.app().name() + " to answer 200 again")
                .pollInSameThread().pollInterval(context.cf().timeouts().poll()).atMost(context.cf().timeouts().start())
                .until(() -> context.requests().get(app, "/").status(), status -> status == 200);
    }

    @Given("the app's health check is http on {string}, checked every {int} seconds")
    public void httpHealthCheck(String endpoint, int intervalSeconds) {
        PushedApp app = context.app();
        context.cf().processes().healthCheck(app.app().guid(), "http", endpoint, intervalSeconds);
        context.cf().apps().restart(app.app().guid());
        context.cf().processes().awaitAllRunning(app.app().guid(), app.app().name(), context.cf().timeouts().start());
    }

    @When("instance {int} of the app turns unhealthy")
    public void instanceTurnsUnhealthy(int index) {
        PushedApp app = context.app();
        troubledGuid = instance(app, index).instanceGuid();
        AppResponse response = context.requests().get(context.requests().host(app), "/health/fail",
                Map.of("X-Cf-App-Instance", app.app().guid() + ":" + index));
        assertThat(response.status()).as("GET /health/fail of instance %s", index).isEqualTo(200);
    }

    @Then("requests through the route no longer reach the unhealthy instance")
    public void unhealthyNotRouted() {
        PushedApp app = context.app();
        String host = context.requests().host(app);
        Awaitility.await(SAMPLE + " requests in a row through " + host + " answered without instance " + troubledGuid)
                .pollInSameThread().pollInterval(Duration.ofMillis(500)).atMost(context.cf().timeouts().start())
                .until(() -> context.requests().answeringInstances(host, "/", SAMPLE),
                        answered -> !answered.isEmpty() && !answered.contains(troubledGuid));
    }

    @Then("{int} different instances answer through the route")
    public void differentInstancesAnswer(int count) {
        PushedApp app = context.app();
        String host = context.requests().host(app);
        Set<String> answered = Awaitility.await(count + " different instances answering " + host)
                .pollInSameThread().pollInterval(Duration.ofMillis(500)).atMost(context.cf().timeouts().start())
                .until(() -> context.requests().answeringInstances(host, "/", SAMPLE * count),
                        instances -> instances.size() == count);
        assertThat(answered).hasSize(count);
    }

    private InstanceStats instance(PushedApp app, int index) {
        return context.cf().processes().stats(app.app().guid()).stream().filter(s -> s.index() == index).findFirst()
                .orElseThrow(() -> new AssertionError("no instance " + index + " of " + app.app().name()));
    }
}
