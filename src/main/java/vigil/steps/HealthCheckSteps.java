package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import vigil.cf.AppResponse;
import vigil.cf.InstanceStats;
import vigil.cf.PushedApp;

/**
 * Readiness checks (a failing one takes an instance out of the routes without restarting it) and http health
 * checks on an endpoint (one that never passes keeps an instance from running).
 */
public final class HealthCheckSteps {
    private static final int SAMPLE = 20;

    private final ScenarioContext context;
    private String notReadyGuid;
    private Duration notReadyFor;

    public HealthCheckSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the app's readiness check is http on {string}, checked every {int} seconds")
    public void readinessCheck(String endpoint, int intervalSeconds) {
        PushedApp app = context.app();
        context.cf().processes().readinessCheck(app.app().guid(), "http", endpoint, intervalSeconds);
        context.cf().apps().restart(app.app().guid());
        // Running is not enough: an instance is routable only once its first readiness check passed.
        Awaitility.await("every instance of " + app.app().name() + " RUNNING and routable after the restart")
                .pollInSameThread().pollInterval(context.cf().timeouts().poll()).atMost(context.cf().timeouts().start())
                .until(() -> context.cf().processes().stats(app.app().guid()), stats -> !stats.isEmpty()
                        && stats.stream().allMatch(s -> s.state().equals("RUNNING") && s.routable()));
    }

    @When("instance {int} of the app is not ready for {int} seconds")
    public void notReadyFor(int index, int seconds) {
        PushedApp app = context.app();
        notReadyGuid = instance(app, index).instanceGuid();
        notReadyFor = Duration.ofSeconds(seconds);
        AppResponse response = context.requests().get(context.requests().host(app), "/ready/off/" + seconds * 1000,
                Map.of("X-Cf-App-Instance", app.app().guid() + ":" + index));
        assertThat(response.status()).as("GET /ready/off of instance %s", index).isEqualTo(200);
    }

    @Then("instance {int} is RUNNING but not routable, with the same instance GUID")
    public void runningNotRoutable(int index) {
        PushedApp app = context.app();
        // Bounded by the app's own not-ready window, not by a configured timeout: after it, the instance is ready again.
        InstanceStats seen = Awaitility.await("instance " + index + " of " + app.app().name()
                        + " reported routable: false while its readiness check fails (instance " + notReadyGuid + ")")
                .pollInSameThread().pollInterval(Duration.ofMillis(200)).atMost(notReadyFor)
                .until(() -> instance(app, index), s -> !s.routable());
        assertThat(seen.state()).as("state of the not-ready instance %s", index).isEqualTo("RUNNING");
        assertThat(seen.instanceGuid()).as("GUID of the not-ready instance: a readiness failure must not restart it")
                .isEqualTo(notReadyGuid);
    }

    @Then("requests through the route reach only the other instances")
    public void onlyOthersAnswer() {
        PushedApp app = context.app();
        Set<String> answered = context.requests().answeringInstances(context.requests().host(app), "/", SAMPLE);
        assertThat(answered).as("instances answering %s requests while instance %s is not ready", SAMPLE, notReadyGuid)
                .isNotEmpty().doesNotContain(notReadyGuid);
    }

    @Then("instance {int} is routable again with the same instance GUID")
    public void routableAgain(int index) {
        PushedApp app = context.app();
        InstanceStats back = Awaitility.await("instance " + index + " of " + app.app().name() + " routable again")
                .pollInSameThread().pollInterval(context.cf().timeouts().poll())
                .atMost(notReadyFor.plus(context.cf().timeouts().start()))
                .until(() -> instance(app, index), InstanceStats::routable);
        assertThat(back.instanceGuid()).as("GUID of instance %s once ready again", index).isEqualTo(notReadyGuid);
        Awaitility.await("instance " + notReadyGuid + " answering through the route again")
                .pollInSameThread().pollInterval(context.cf().timeouts().poll()).atMost(context.cf().timeouts().start())
                .until(() -> context.requests().answeringInstances(context.requests().host(app), "/", SAMPLE),
                        answered -> answered.contains(notReadyGuid));
    }

    @When("the app's health check is http on {string} with a {int} second start timeout and the app restarts")
    public void httpHealthCheckWithTimeout(String endpoint, int timeoutSeconds) {
        PushedApp app = context.app();
        context.cf().processes().httpHealthCheck(app.app().guid(), endpoint, timeoutSeconds, 1);
        context.cf().apps().restart(app.app().guid());
    }

    @Then("no instance of the app becomes RUNNING within {int} seconds")
    public void neverRunning(int seconds) {
        PushedApp app = context.app();
        // A fixed window, not a scaled timeout: what is checked is that nothing runs during it.
        Awaitility.await("no instance of " + app.app().name() + " RUNNING for " + seconds
                        + " s while its http health check endpoint answers 404")
                .pollInSameThread().pollInterval(Duration.ofMillis(250))
                .during(Duration.ofSeconds(seconds)).atMost(Duration.ofSeconds(seconds + 5))
                .until(() -> context.cf().processes().stats(app.app().guid()),
                        stats -> stats.stream().noneMatch(s -> s.state().equals("RUNNING")));
    }

    @When("the health check endpoint is {string} and the app restarts")
    public void healthCheckEndpoint(String endpoint) {
        PushedApp app = context.app();
        context.cf().processes().httpHealthCheck(app.app().guid(), endpoint, 60, 1);
        context.cf().apps().restart(app.app().guid());
    }

    private InstanceStats instance(PushedApp app, int index) {
        List<InstanceStats> stats = context.cf().processes().stats(app.app().guid());
        return stats.stream().filter(s -> s.index() == index).findFirst().orElseThrow(() -> new AssertionError(
                "no instance " + index + " in the stats of " + app.app().name() + ": " + stats));
    }
}
