package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import vigil.cf.Deployment;
import vigil.cf.InstanceStats;
import vigil.cf.PushOperation;
import vigil.cf.PushedApp;

/** Rolling deployments of a new droplet: no failed request, every instance replaced; cancel rolls back. */
public final class DeploymentSteps {
    private static final double PROBE_HZ = 10;

    private final ScenarioContext context;
    private String newDroplet;
    private Deployment deployment;
    private List<RouteSampler.Sample> samples;
    private List<String> guidsBefore;

    public DeploymentSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("a droplet of the test app with version {string} is staged for the app")
    public void newDropletStaged(String version) {
        TestAppBits.Bits bits = TestAppBits.version(version);
        newDroplet = new PushOperation(context.cf(), context.run().workspace().droplets(), true)
                .stage(context.app().app(), bits.jar());
    }

    /** The droplet the scenario staged last, for other deployment steps (canary, revisions). */
    String newDroplet() {
        if (newDroplet == null) {
            throw new IllegalStateException("no droplet staged yet: a step like 'a droplet of the test app with version "
                    + "\"v2\" is staged for the app' must come first");
        }
        return newDroplet;
    }

    @When("the app is deployed to that droplet while a probe requests {string} at 10 Hz")
    public void deployWhileProbing(String path) {
        PushedApp app = context.app();
        guidsBefore = guids(app);
        try (RouteSampler probe = new RouteSampler(context.requests(), context.requests().host(app), path, PROBE_HZ)) {
            deployment = context.cf().deployments().start(app.app().guid(), newDroplet, 1);
            deployment = context.cf().deployments().awaitFinalized(deployment.guid());
            // A second more of probing: the last old instance stopping must not fail a request either.
            int atEnd = probe.samples().size();
            Awaitility.await("10 more probe samples after the deployment finished")
                    .atMost(context.config().scaled(Duration.ofSeconds(30)))
                    .until(() -> probe.samples().size() >= atEnd + 10);
            samples = probe.samples();
        }
    }

    @When("a deployment to that droplet starts and is cancelled")
    public void deployAndCancel() {
        PushedApp app = context.app();
        deployment = context.cf().deployments().start(app.app().guid(), newDroplet, 1);
        context.cf().deployments().cancel(deployment.guid());
        deployment = context.cf().deployments().awaitFinalized(deployment.guid());
    }

    @Then("the deployment ends {word}")
    public void deploymentEnds(String reason) {
        assertThat(deployment.statusValue()).as("status.value of deployment %s", deployment.guid()).isEqualTo("FINALIZED");
        assertThat(deployment.statusReason()).as("status.reason of deployment %s", deployment.guid()).isEqualTo(reason);
    }

    @Then("the probe saw no failed request")
    public void noFailedRequest() {
        List<RouteSampler.Sample> failed = samples.stream().filter(RouteSampler.Sample::failed).toList();
        assertThat(samples).as("probe samples during the deployment").hasSizeGreaterThanOrEqualTo(10);
        assertThat(failed).as("failed requests among %s during the rolling deployment", samples.size()).isEmpty();
    }

    @Then("the answers switched from version {string} to {string}")
    public void versionSwitched(String before, String after) {
        assertThat(samples.get(0).body()).as("first answer during the deployment").isEqualTo(before);
        assertThat(samples).as("answers during the deployment").extracting(RouteSampler.Sample::body).contains(after);
        for (int i = 0; i < 10; i++) {
            assertThat(context.requests().get(context.app(), "/version").body())
                    .as("version answered after the deployment finished").isEqualTo(after);
        }
    }

    @Then("every instance was replaced")
    public void everyInstanceReplaced() {
        assertThat(guids(context.app())).as("instance GUIDs after the deployment").doesNotContainAnyElementsOf(guidsBefore);
    }

    @Then("the app runs its old droplet and answers version {string}")
    public void oldDropletBack(String version) {
        assertThat(context.requests().get(context.app(), "/version").body()).as("version after the cancelled deployment")
                .isEqualTo(version);
        assertThat(context.cf().droplets().current(context.app().app().guid()).guid()).as("current droplet")
                .isNotEqualTo(newDroplet);
    }

    private List<String> guids(PushedApp app) {
        return context.cf().processes().stats(app.app().guid()).stream().map(InstanceStats::instanceGuid).toList();
    }
}
