package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import vigil.cf.AppLogLine;
import vigil.cf.AppResponse;
import vigil.cf.InstanceStats;
import vigil.cf.PushRequest;
import vigil.cf.PushedApp;

/** Pushing the test app and checking what it does: answer, scale, log, go away. */
public final class AppSteps {
    /** The test app prints {@code vigil-counter N TIME} this often, for the log-freshness probe. */
    private static final Map<String, String> COUNTER_EVERY_SECOND = Map.of("VIGIL_LOG_COUNTER_MS", "1000");

    private final ScenarioContext context;
    private String loggedLine;

    public AppSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the test app is pushed")
    public void testAppIsPushed() {
        pushTestApp(1);
    }

    @Given("the test app is pushed with {int} instances")
    public void testAppIsPushedWith(int instances) {
        pushTestApp(instances);
    }

    @Given("the test app is pushed with {int} instances, logging a counter every second")
    public void testAppIsPushedLoggingCounter(int instances) {
        context.pushed(push(instances, COUNTER_EVERY_SECOND));
    }

    @Given("the test app is pushed as {string}")
    public void testAppIsPushedAs(String alias) {
        context.pushed(alias, push(1));
    }

    @Then("its route answers 200 with the app's greeting")
    public void routeAnswersGreeting() {
        PushedApp app = context.app();
        AppResponse response = get(app, "/");
        assertThat(response.status()).as("GET %s/", app.route().url()).isEqualTo(200);
        assertThat(response.body()).as("greeting of %s", app.route().url()).contains(app.app().name());
    }

    @When("the app is scaled to {int} instances")
    public void appIsScaled(int instances) {
        context.cf().processes().scale(context.app().app().guid(), instances);
    }

    @Then("{int} instances are RUNNING")
    public void instancesAreRunning(int instances) {
        String guid = context.app().app().guid();
        Awaitility.await(instances + " instances of " + context.app().app().name() + " RUNNING")
                .pollInSameThread()
                .pollInterval(context.cf().timeouts().poll())
                .atMost(context.cf().timeouts().start())
                .until(() -> context.cf().processes().stats(guid), stats -> stats.size() == instances
                        && stats.stream().allMatch(s -> s.state().equals("RUNNING")));
    }

    @Then("every instance index answers through the route")
    public void everyInstanceAnswers() {
        PushedApp app = context.app();
        List<InstanceStats> stats = context.cf().processes().stats(app.app().guid());
        Set<String> seen = new HashSet<>();
        for (InstanceStats instance : stats) {
            AppResponse response = get(app, "/index",
                    Map.of("X-Cf-App-Instance", app.app().guid() + ":" + instance.index()));
            assertThat(response.status()).as("instance %s through %s", instance.index(), app.route().url())
                    .isEqualTo(200);
            seen.add(response.body().trim());
        }
        assertThat(seen).as("instance indices that answered")
                .containsExactlyInAnyOrderElementsOf(stats.stream().map(s -> Integer.toString(s.index())).toList());
    }

    @When("the app writes a unique line to its log")
    public void appWritesLine() {
        loggedLine = "vigil-log-" + UUID.randomUUID();
        AppResponse response = get(context.app(), "/log/" + loggedLine);
        assertThat(response.status()).as("GET /log through the route").isEqualTo(200);
    }

    @Then("its recent logs show that line from the app's instance")
    public void recentLogsShowLine() {
        String guid = context.app().app().guid();
        AppLogLine line = Awaitility.await("the line " + loggedLine + " in the recent logs of " + guid)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(500))
                .atMost(context.config().scaled(Duration.ofSeconds(30)))
                .until(() -> context.cf().logCache().recent(guid, 100).stream()
                        .filter(l -> l.text().contains(loggedLine)).findFirst().orElse(null), l -> l != null);
        assertThat(line.sourceType()).as("source type of the app's own output").startsWith("APP/PROC/WEB");
        assertThat(line.instanceId()).as("instance of the line").isEqualTo("0");
    }

    @When("the app is deleted")
    public void appIsDeleted() {
        context.cf().apps().delete(context.app().app().guid());
    }

    @Then("its route answers 404 with router error {string}")
    public void routeAnswers404(String routerError) {
        PushedApp app = context.app();
        AppResponse response = get(app, "/");
        assertThat(response.status()).as("GET %s/ after delete", app.route().url()).isEqualTo(404);
        assertThat(response.header("X-Cf-Routererror")).as("X-Cf-Routererror").isEqualTo(routerError);
    }

    private void pushTestApp(int instances) {
        context.pushed(push(instances));
    }

    private PushedApp push(int instances) {
        return push(instances, Map.of());
    }

    private PushedApp push(int instances, Map<String, String> environment) {
        String name = context.run().workspace().names().next("app");
        PushRequest request = TestAppBits.request(name, null, context.config().appsDomain(), instances, environment);
        return context.workspace().push(request, context.config().freshStaging());
    }

    private AppResponse get(PushedApp app, String path) {
        return get(app, path, Map.of());
    }

    private AppResponse get(PushedApp app, String path, Map<String, String> headers) {
        return context.requests().get(context.requests().host(app), path, headers);
    }
}
