package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;
import vigil.cf.App;
import vigil.cf.AppResponse;
import vigil.cf.PushedApp;
import vigil.cf.Route;

/** A manifest applied to a space sets an app's instances, environment and routes. */
public final class ManifestSteps {
    private final ScenarioContext context;
    private String extraHost;

    public ManifestSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("a manifest giving the app {int} instances, the variable {string} = {string} and a second route is applied and the app restarted")
    public void applyManifest(int instances, String name, String value) {
        PushedApp app = context.app();
        extraHost = app.app().name() + "-manifest";
        String manifest = "applications:\n"
                + "- name: " + app.app().name() + "\n"
                + "  instances: " + instances + "\n"
                + "  env:\n"
                + "    " + name + ": \"" + value + "\"\n"
                + "  routes:\n"
                + "  - route: " + context.requests().host(app) + "\n"
                + "  - route: " + extraHost + "." + context.config().appsDomain() + "\n";
        context.cf().manifests().apply(context.workspace().space().guid(), manifest);
        context.cf().apps().restart(app.app().guid());
    }

    @Then("the app runs {int} instances")
    public void runsInstances(int instances) {
        String guid = context.app().app().guid();
        // What the manifest asked for is on the web process as soon as the job ends; checked first, a manifest whose
        // instances were dropped fails here at once instead of after the whole start timeout.
        assertThat(context.cf().processes().web(guid).instances())
                .as("instances of the web process after the manifest giving it %d was applied", instances)
                .isEqualTo(instances);
        org.awaitility.Awaitility.await("the " + instances + " instances the manifest gives the app RUNNING")
                .pollInSameThread().pollInterval(context.cf().timeouts().poll()).atMost(context.cf().timeouts().start())
                .until(() -> context.cf().processes().stats(guid), all -> all.size() == instances
                        && all.stream().allMatch(s -> s.state().equals("RUNNING")));
    }

    @Then("the manifest's route leads to the app")
    public void manifestRouteLeadsToApp() {
        App app = context.app().app();
        assertThat(context.cf().routes().ofApp(app.guid())).as("routes of %s", app.name())
                .extracting(Route::host).contains(extraHost);
        AppResponse response = context.requests().get(extraHost + "." + context.config().appsDomain(), "/", Map.of());
        assertThat(response.status()).as("GET through the manifest's route").isEqualTo(200);
        assertThat(response.body()).contains(app.name());
    }
}
