package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import vigil.cf.AppResponse;
import vigil.cf.CfApiException;
import vigil.cf.PushedApp;
import vigil.cf.ServiceInstanceState;
import vigil.cf.ServicePlan;
import vigil.cf.Services;
import vigil.cf.Space;

/**
 * Managed services from Vigil's own broker: registration, asynchronous provisioning, bindings and keys with the
 * broker's credentials, the broker's failures, and sharing to a second space. What each step creates is removed
 * at the scenario's end in the order CF needs (keys and bindings, then instances, then the broker).
 */
public final class ManagedServiceSteps {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DB_OFFERING = "-db";

    private final ScenarioContext context;
    private TestServiceBroker broker;
    private String instanceGuid;
    private String instanceName;
    private ServiceInstanceState firstSeen;
    private String keyGuid;
    private String keyName;
    private Space secondSpace;
    private String secondSpaceBinding;

    public ManagedServiceSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("Vigil's test service broker is pushed and registered in the scenario's space")
    public void brokerRegistered() {
        broker = TestServiceBroker.pushAndRegister(context, null);
    }

    @Then("the broker's offerings and plans are listed, visible in that space only")
    public void plansVisibleInSpaceOnly() {
        List<ServicePlan> plans = services().plansOfBroker(broker.guid());
        assertThat(plans).as("plans of broker %s", broker.name()).extracting(ServicePlan::name)
                .contains("async", "sync", "failing", "route");
        assertThat(plans).as("offerings of the plans").extracting(ServicePlan::offeringName)
                .contains(broker.catalogId() + DB_OFFERING, broker.catalogId() + "-route");
        String space = context.workspace().space().guid();
        for (ServicePlan plan : plans) {
            assertThat(plan.visibilityType()).as("visibility_type of plan %s of a space-scoped broker", plan.name())
                    .isEqualTo("space");
            JsonNode visibility = services().planVisibility(plan.guid());
            assertThat(visibility.path("space").path("guid").asText()).as("visibility of plan %s: %s", plan.name(),
                    visibility).isEqualTo(space);
        }
    }

    @When("a service instance of plan {string} is created")
    public void instanceCreated(String plan) {
        instanceName = context.run().workspace().names().next("service");
        Services.Pending pending = services().createManaged(instanceName, context.workspace().space().guid(),
                planGuid(plan));
        instanceGuid = pending.guid();
        String guid = instanceGuid;
        context.workspace().removeAtEnd("service instance " + instanceName, () -> services().delete(guid));
        firstSeen = services().instance(instanceGuid);
    }

    @Given("a service instance of plan {string} is created and provisioned")
    public void instanceProvisioned(String plan) {
        instanceCreated(plan);
        ServiceInstanceState ended = awaitOperationEnd();
        assertThat(ended.operationState()).as("last operation of %s: %s", instanceName, ended.operation())
                .isEqualTo("succeeded");
    }

    @Then("the instance's last operation is {string} right after it was asked for")
    public void firstOperation(String expected) {
        assertThat(firstSeen.operationType() + " " + firstSeen.operationState())
                .as("last operation of %s right after the 202 (the broker takes over a second): %s", instanceName,
                        firstSeen.operation())
                .isEqualTo(expected);
    }

    @Then("the instance's last operation becomes {string}")
    public void operationBecomes(String expected) {
        ServiceInstanceState ended = awaitOperationEnd();
        assertThat(ended.operationType() + " " + ended.operationState())
                .as("last operation of %s once it ended: %s", instanceName, ended.operation()).isEqualTo(expected);
    }

    @Then("its description carries the broker's own words")
    public void descriptionCarriesBrokersWords() {
        ServiceInstanceState ended = services().instance(instanceGuid);
        assertThat(ended.operationDescription()).as("description of the failed %s of %s", ended.operationType(),
                instanceName).isNotNull().contains("vigil test broker refuses to provision plan 'failing'");
    }

    @When("the instance is bound to the app and the app is restarted")
    public void boundAndRestarted() {
        PushedApp app = context.app();
        String binding = services().bind(instanceGuid, app.app().guid());
        context.workspace().removeAtEnd("service binding " + binding, () -> services().unbind(binding));
        context.cf().apps().restart(app.app().guid());
        context.cf().processes().awaitAllRunning(app.app().guid(), app.app().name(), context.cf().timeouts().start());
    }

    @Then("VCAP_SERVICES in the app holds the instance with the credentials the broker gave")
    public void vcapServicesHoldsBrokerCredentials() {
        String label = broker.catalogId() + DB_OFFERING;
        JsonNode entry = VcapServices.entry(context.requests(), context.app(), label, instanceName)
                .orElseThrow(() -> new AssertionError("VCAP_SERVICES in the app has no " + label + " instance named "
                        + instanceName));
        assertThat(entry.path("plan").asText()).as("plan of %s in VCAP_SERVICES", instanceName).isEqualTo("sync");
        JsonNode fromBroker = brokersBinding(entry.path("binding_guid").asText());
        assertThat(entry.path("credentials").path("uri").asText())
                .as("credentials.uri of %s in VCAP_SERVICES (the broker gave %s)", instanceName,
                        fromBroker.path("credentials").path("uri").asText())
                .isEqualTo(fromBroker.path("credentials").path("uri").asText());
        assertSamePassword(entry.path("credentials"), fromBroker.path("credentials"),
                "credentials.password of " + instanceName + " in VCAP_SERVICES");
    }

    @When("a service key is created for the instance")
    public void keyCreated() {
        keyName = context.run().workspace().names().next("key");
        keyGuid = services().createKey(instanceGuid, keyName);
        String guid = keyGuid;
        context.workspace().removeAtEnd("service key " + keyName, () -> services().unbind(guid));
    }

    @Then("the key's credentials are the ones the broker holds for it")
    public void keyCredentialsAreBrokers() {
        JsonNode details = services().credentials(keyGuid);
        JsonNode fromBroker = brokersBinding(keyGuid).path("credentials");
        assertThat(details.path("uri").asText()).as("credentials.uri of key %s", keyName)
                .isEqualTo("vigil-db://" + instanceGuid + "/" + keyGuid).isEqualTo(fromBroker.path("uri").asText());
        assertSamePassword(details, fromBroker, "credentials.password of key " + keyName);
    }

    @When("the service key is deleted")
    public void keyDeleted() {
        try {
            services().unbind(keyGuid);
        } catch (CfApiException e) {
            throw new AssertionError("deleting service key " + keyName + " failed: " + e.getMessage(), e);
        }
    }

    @Then("neither CF nor the broker has the key any more")
    public void keyGone() {
        assertThat(services().bindingExists(keyGuid)).as("service key %s listed by CF after its delete", keyName).isFalse();
        AppResponse response = askBroker(keyGuid);
        assertThat(response.status()).as("the broker's GET of key %s after its delete: %s", keyName, response.body())
                .isEqualTo(404);
    }

    @Given("a second space in the run's organization")
    public void secondSpace() {
        Space space;
        try {
            space = context.cf().spaces().create(context.run().workspace().names().next("space"),
                    context.run().workspace().organization().guid());
        } catch (CfApiException e) {
            if (e.status() != 403) {
                throw e;
            }
            throw new AssertionError("sharing needs a second space, and this user may not create spaces in "
                    + context.run().workspace().organization().name() + " (403): run @sharing as an organization"
                    + " manager or admin, or leave it out (include_service_instance_sharing: false)", e);
        }
        context.workspace().removeAtEnd("space " + space.name(), () -> context.cf().spaces().delete(space.guid()));
        secondSpace = space;
    }

    @When("the instance is shared to the second space")
    public void shared() {
        services().share(instanceGuid, secondSpace.guid());
        String instance = instanceGuid;
        String space = secondSpace.guid();
        // CC refuses to unshare what is not shared (422): the scenario may have unshared it already.
        context.workspace().removeAtEnd("sharing of " + instanceName, () -> {
            if (services().sharedSpaces(instance).contains(space)) {
                services().unshare(instance, space);
            }
        });
        assertThat(services().sharedSpaces(instanceGuid)).as("shared_spaces of %s", instanceName).contains(space);
    }

    @Then("the second space lists the instance")
    public void secondSpaceListsInstance() {
        assertThat(services().instanceNamesInSpace(secondSpace.guid()))
                .as("service instances CF lists in the space %s shared to", secondSpace.name()).contains(instanceName);
    }

    @When("the instance is unshared from the second space")
    public void unshared() {
        services().unshare(instanceGuid, secondSpace.guid());
    }

    @Then("the second space no longer lists the instance")
    public void secondSpaceNoLongerListsInstance() {
        assertThat(services().sharedSpaces(instanceGuid)).as("shared_spaces of %s after unsharing", instanceName)
                .doesNotContain(secondSpace.guid());
        assertThat(services().instanceNamesInSpace(secondSpace.guid()))
                .as("service instances CF lists in the space %s after unsharing", secondSpace.name())
                .doesNotContain(instanceName);
    }

    /**
     * An app record (no bits: what matters is CC's binding, not a running process) in the second space, bound to
     * the instance shared there. Unsharing removes the binding (CC unbinds in the space unshared from), so the
     * clean-up removes it only if it is still there.
     */
    @When("an app in the second space is bound to the shared instance")
    public void boundInSecondSpace() {
        String appName = context.run().workspace().names().next("app");
        String app = context.cf().apps().create(appName, secondSpace.guid(), Map.of()).guid();
        context.workspace().removeAtEnd("app " + appName, () -> context.cf().apps().delete(app));
        secondSpaceBinding = services().bind(instanceGuid, app);
        String binding = secondSpaceBinding;
        context.workspace().removeAtEnd("service binding " + binding, () -> {
            if (services().bindingExists(binding)) {
                services().unbind(binding);
            }
        });
    }

    @Then("that binding holds the credentials the broker gave")
    public void secondSpaceBindingHoldsBrokerCredentials() {
        JsonNode details = services().credentials(secondSpaceBinding);
        JsonNode fromBroker = brokersBinding(secondSpaceBinding).path("credentials");
        assertThat(details.path("uri").asText()).as("credentials.uri of the binding in the space %s shared to",
                secondSpace.name()).isEqualTo("vigil-db://" + instanceGuid + "/" + secondSpaceBinding)
                .isEqualTo(fromBroker.path("uri").asText());
        assertSamePassword(details, fromBroker, "credentials.password of the binding in the space shared to");
    }

    @Then("the app in the second space is no longer bound to the instance")
    public void secondSpaceBindingGone() {
        assertThat(services().bindingExists(secondSpaceBinding))
                .as("binding %s in the space %s after unsharing (CC removes it)", secondSpaceBinding, secondSpace.name())
                .isFalse();
    }

    /** Compares without showing either value: a failure message ends up in the reports. */
    private static void assertSamePassword(JsonNode actual, JsonNode broker, String what) {
        String given = actual.path("password").asText("");
        assertThat(!given.isEmpty() && given.equals(broker.path("password").asText()))
                .as("%s is the one the broker gave (values not shown)", what).isTrue();
    }

    private ServiceInstanceState awaitOperationEnd() {
        return services().awaitOperationEnd(instanceGuid, context.cf().timeouts().job());
    }

    private String planGuid(String plan) {
        return services().plansOfBroker(broker.guid()).stream()
                .filter(candidate -> candidate.name().equals(plan)
                        && candidate.offeringName().equals(broker.catalogId() + DB_OFFERING))
                .map(ServicePlan::guid).findFirst()
                .orElseThrow(() -> new AssertionError("broker " + broker.name() + " offers no plan " + plan));
    }

    /** The binding as the broker itself holds it (OSBAPI's fetch binding, through the broker's route). */
    private JsonNode brokersBinding(String bindingGuid) {
        AppResponse response = askBroker(bindingGuid);
        assertThat(response.status()).as("the broker's GET of binding %s: %s", bindingGuid, response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("the broker answered no JSON for binding " + bindingGuid + ": " + response.body(), e);
        }
    }

    private AppResponse askBroker(String bindingGuid) {
        return context.requests().get(context.requests().host(broker.app()),
                "/v2/service_instances/" + instanceGuid + "/service_bindings/" + bindingGuid, broker.basicAuth());
    }

    private Services services() {
        return context.cf().services();
    }
}
