package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vigil.cf.AppResponse;
import vigil.cf.Deployment;
import vigil.cf.InstanceStats;
import vigil.cf.PushedApp;

/**
 * Canary deployments (one new instance, then a pause until continued) and {@code max_in_flight} (how many instances
 * a deployment replaces at once), seen from the router's answers and the cells' logs.
 */
public final class CanarySteps {
    private static final int SAMPLE = 40;
    private static final int LOG_LINES = 1000;

    private final ScenarioContext context;
    private final DeploymentSteps deployments;
    private Deployment deployment;
    private Set<String> instancesBefore;

    public CanarySteps(ScenarioContext context, DeploymentSteps deployments) {
        this.context = context;
        this.deployments = deployments;
    }

    @When("a canary deployment to that droplet starts")
    public void canaryStarts() {
        deployment = context.cf().deployments().start(context.app().app().guid(), deployments.newDroplet(), "canary", 1);
        assertThat(deployment.strategy()).as("strategy of deployment %s", deployment.guid()).isEqualTo("canary");
    }

    @Then("the deployment pauses with status reason PAUSED")
    public void pauses() {
        deployment = context.cf().deployments().awaitReason(deployment.guid(), "PAUSED");
        assertThat(deployment.statusValue()).as("status.value of the canary deployment %s (reason %s)",
                deployment.guid(), deployment.statusReason()).isEqualTo("ACTIVE");
        assertThat(deployment.statusReason()).as("status.reason of the canary deployment %s", deployment.guid())
                .isEqualTo("PAUSED");
    }

    @Then("exactly {int} instance answers version {string} while the others still answer {string}")
    public void canaryServes(int canaries, String newVersion, String oldVersion) {
        PushedApp app = context.app();
        Map<String, Set<String>> instancesByVersion = new HashMap<>();
        for (int i = 0; i < SAMPLE; i++) {
            // A failed request is counted under its failure, so that the answers by version show it beside the rest.
            String answer;
            String instance;
            try {
                AppResponse response = context.requests().get(app, "/version");
                answer = response.status() == 200 ? response.body() : "HTTP " + response.status();
                instance = response.header(AppRequests.INSTANCE_HEADER);
            } catch (RuntimeException e) {
                answer = "failed: " + e.getMessage();
                instance = "request " + i;
            }
            instancesByVersion.computeIfAbsent(answer, v -> new HashSet<>()).add(String.valueOf(instance));
        }
        assertThat(instancesByVersion.getOrDefault(newVersion, Set.of()))
                .as("instances answering %s during the paused canary (answers by version: %s)", newVersion,
                        instancesByVersion).hasSize(canaries);
        int instances = context.cf().processes().web(app.app().guid()).instances();
        assertThat(instancesByVersion.getOrDefault(oldVersion, Set.of()))
                .as("instances still answering %s during the paused canary (answers by version: %s)", oldVersion,
                        instancesByVersion).hasSizeGreaterThanOrEqualTo(instances - canaries);
        assertThat(instancesByVersion.keySet()).as("answers during the paused canary, by version: %s",
                instancesByVersion).containsOnly(newVersion, oldVersion);
    }

    @When("the deployment is continued")
    public void continued() {
        context.cf().deployments().continueDeployment(deployment.guid());
        deployment = context.cf().deployments().awaitFinalized(deployment.guid());
    }

    @When("the canary deployment is cancelled")
    public void cancelled() {
        context.cf().deployments().cancel(deployment.guid());
        deployment = context.cf().deployments().awaitFinalized(deployment.guid());
    }

    @Then("the canary deployment ends {word} and every instance answers version {string}")
    public void ends(String reason, String version) {
        assertThat(deployment.statusReason()).as("status.reason of deployment %s", deployment.guid()).isEqualTo(reason);
        PushedApp app = context.app();
        for (int i = 0; i < 10; i++) {
            assertThat(context.requests().get(app, "/version").body()).as("version after the deployment (request %s)",
                    i + 1).isEqualTo(version);
        }
    }

    @When("the app is deployed to that droplet with max_in_flight {int}")
    public void deployWithMaxInFlight(int maxInFlight) {
        String appGuid = context.app().app().guid();
        instancesBefore = new HashSet<>(context.cf().processes().stats(appGuid).stream()
                .map(InstanceStats::instanceGuid).toList());
        deployment = context.cf().deployments().start(appGuid, deployments.newDroplet(), maxInFlight);
        deployment = context.cf().deployments().awaitFinalized(deployment.guid());
        assertThat(deployment.statusReason()).as("status.reason of deployment %s", deployment.guid())
                .isEqualTo("DEPLOYED");
    }

    @Then("the cells' logs show exactly {int} new instances starting at once at the most")
    public void peakInFlight(int maxInFlight) {
        String appGuid = context.app().app().guid();
        int peak = ContainerStarts.peakInFlight(context.cf().logCache().recent(appGuid, LOG_LINES), instancesBefore);
        assertThat(peak).as("most new instances starting at once (CELL 'creating container' to 'Container became "
                + "healthy') during the deployment with max_in_flight %s", maxInFlight).isEqualTo(maxInFlight);
        List<InstanceStats> after = context.cf().processes().stats(appGuid);
        assertThat(after).as("instances after the deployment").extracting(InstanceStats::instanceGuid)
                .doesNotContainAnyElementsOf(instancesBefore);
    }
}
