package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;
import java.util.UUID;
import vigil.cf.PushedApp;

/** User-provided service instances: bound, they reach the app in VCAP_SERVICES; unbound, they are gone. */
public final class ServiceSteps {

    private final ScenarioContext context;
    private String instanceName;
    private String binding;
    private final String secret = "s3cret-" + UUID.randomUUID();

    public ServiceSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("a user-provided service instance with credentials is bound to the app and the app is restarted")
    public void bindAndRestart() {
        PushedApp app = context.app();
        instanceName = context.run().workspace().names().next("service");
        String instance = context.cf().services().createUserProvided(instanceName, context.workspace().space().guid(),
                Map.of("uri", "postgres://db.internal:5432/orders", "password", secret));
        binding = context.cf().services().bind(instance, app.app().guid());
        restart(app);
    }

    @When("the service instance is unbound and the app is restarted")
    public void unbindAndRestart() {
        context.cf().services().unbind(binding);
        restart(context.app());
    }

    @Then("VCAP_SERVICES in the app holds the instance with its credentials")
    public void vcapServicesHoldsInstance() {
        JsonNode instance = userProvided().orElseThrow(() -> new AssertionError(
                "VCAP_SERVICES in the app has no user-provided instance named " + instanceName));
        assertThat(instance.path("credentials").path("uri").asText()).as("credentials.uri of %s", instanceName)
                .isEqualTo("postgres://db.internal:5432/orders");
        assertThat(instance.path("credentials").path("password").asText())
                .as("credentials.password of %s reached the app", instanceName).isEqualTo(secret);
    }

    @Then("VCAP_SERVICES in the app no longer holds the instance")
    public void vcapServicesWithoutInstance() {
        assertThat(userProvided()).as("user-provided instance %s in VCAP_SERVICES after unbinding", instanceName).isEmpty();
    }

    private java.util.Optional<JsonNode> userProvided() {
        return VcapServices.entry(context.requests(), context.app(), "user-provided", instanceName);
    }

    private void restart(PushedApp app) {
        context.cf().apps().restart(app.app().guid());
        context.cf().processes().awaitAllRunning(app.app().guid(), app.app().name(), context.cf().timeouts().start());
    }
}
