package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import vigil.cf.Deployment;
import vigil.cf.PushedApp;
import vigil.cf.Revision;

/** Revisions: every deployed droplet or environment is one; deploying an earlier one back rolls the app back. */
public final class RevisionSteps {

    private final ScenarioContext context;
    private final DeploymentSteps deployments;

    public RevisionSteps(ScenarioContext context, DeploymentSteps deployments) {
        this.context = context;
        this.deployments = deployments;
    }

    @When("the app is deployed to that droplet and the deployment finishes")
    public void deployDroplet() {
        Deployment started = context.cf().deployments().start(context.app().app().guid(), deployments.newDroplet(), 1);
        assertDeployed(context.cf().deployments().awaitFinalized(started.guid()));
    }

    @When("the app's environment variable {string} is set to {string} and deployed")
    public void deployEnvironment(String name, String value) {
        String appGuid = context.app().app().guid();
        context.cf().apps().updateEnvironment(appGuid, Map.of(name, value));
        String current = context.cf().droplets().current(appGuid).guid();
        Deployment started = context.cf().deployments().start(appGuid, current, 1);
        assertDeployed(context.cf().deployments().awaitFinalized(started.guid()));
    }

    @When("the app is rolled back to revision {int} and the deployment finishes")
    public void rollBack(int version) {
        String appGuid = context.app().app().guid();
        Revision target = revision(version);
        Deployment started = context.cf().deployments().rollBack(appGuid, target.guid());
        assertDeployed(context.cf().deployments().awaitFinalized(started.guid()));
    }

    @Then("the app answers version {string}")
    public void answersVersion(String version) {
        PushedApp app = context.app();
        for (int i = 0; i < 10; i++) {
            assertThat(context.requests().get(app, "/version").body()).as("version the app answers (request %s)", i + 1)
                    .isEqualTo(version);
        }
    }

    @Then("the app has revision {int} {string} and revision {int} {string}")
    public void revisions(int first, String firstDescription, int second, String secondDescription) {
        List<Revision> revisions = context.cf().revisions().of(context.app().app().guid());
        assertThat(revisions).as("revisions of the app").extracting(Revision::version, Revision::description)
                .containsExactly(tuple(first, firstDescription),
                        tuple(second, secondDescription));
    }

    @Then("the deployed revision is {int} {string} with the droplet of revision {int}")
    public void deployedRevision(int version, String description, int dropletOf) {
        List<Revision> deployed = context.cf().revisions().deployed(context.app().app().guid());
        assertThat(deployed).as("deployed revisions of the app").extracting(Revision::version).containsExactly(version);
        assertThat(deployed.get(0).description()).as("description of the deployed revision").isEqualTo(description);
        assertThat(deployed.get(0).dropletGuid()).as("droplet of the deployed revision")
                .isEqualTo(revision(dropletOf).dropletGuid());
        assertThat(context.cf().droplets().current(context.app().app().guid()).guid()).as("the app's current droplet")
                .isEqualTo(revision(dropletOf).dropletGuid());
    }

    @Then("the deployed revision says {string}")
    public void deployedRevisionSays(String description) {
        List<Revision> deployed = context.cf().revisions().deployed(context.app().app().guid());
        assertThat(deployed).as("deployed revisions of the app").extracting(Revision::description)
                .containsExactly(description);
    }

    @Then("the app sees {string} as {string}")
    public void appSees(String name, String value) {
        PushedApp app = context.app();
        Awaitility.await("every instance of " + app.app().name() + " to see " + name + "=" + value)
                .pollInSameThread().pollInterval(context.cf().timeouts().poll()).atMost(context.cf().timeouts().start())
                .until(() -> context.requests().get(app, "/env/" + name).body(), value::equals);
    }

    @Then("the app does not see {string}")
    public void appDoesNotSee(String name) {
        PushedApp app = context.app();
        for (int i = 0; i < 5; i++) {
            assertThat(context.requests().get(app, "/env/" + name).status())
                    .as("GET /env/%s after the rollback to a revision without it (request %s)", name, i + 1).isEqualTo(404);
        }
    }

    private Revision revision(int version) {
        List<Revision> revisions = context.cf().revisions().of(context.app().app().guid());
        return revisions.stream().filter(r -> r.version() == version).findFirst().orElseThrow(() -> new AssertionError(
                "the app has no revision " + version + "; it has " + revisions));
    }

    private static void assertDeployed(Deployment deployment) {
        assertThat(deployment.statusReason()).as("status.reason of deployment %s", deployment.guid())
                .isEqualTo("DEPLOYED");
    }
}
