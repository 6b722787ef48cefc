package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;
import vigil.cf.App;
import vigil.cf.CfApiException;
import vigil.cf.CfClient;
import vigil.cf.Space;

/** A space developer sees and changes their space only; without the role, nothing. */
public final class IsolationSteps {
    private final ScenarioContext context;
    private String roleGuid;
    private CfClient developer;
    private Space otherSpace;
    private App otherApp;
    private App ownApp;

    public IsolationSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("a user who is a space developer in the scenario's space only")
    public void spaceDeveloper() {
        ScenarioUser user = ScenarioUser.withSpaceRole(context, "space_developer");
        roleGuid = user.roleGuid();
        developer = user.cf();
    }

    @Given("another space of the org holds an app")
    public void otherSpaceWithApp() {
        String name = context.run().workspace().names().next("space");
        otherSpace = context.cf().spaces().create(name, context.run().workspace().organization().guid());
        Space created = otherSpace;
        context.workspace().removeAtEnd("space " + name, () -> context.cf().spaces().delete(created.guid()));
        otherApp = context.cf().apps().create(context.run().workspace().names().next("app"), otherSpace.guid(), Map.of());
    }

    @Then("the developer can create and change an app in their space")
    public void developerChangesOwnSpace() {
        String space = context.workspace().space().guid();
        ownApp = developer.apps().create(context.run().workspace().names().next("app"), space, Map.of());
        developer.apps().updateEnvironment(ownApp.guid(), Map.of("OWNER", "developer"));
        assertThat(developer.apps().get(ownApp.guid()).name()).as("the developer's own app").isEqualTo(ownApp.name());
    }

    @Then("the other space's app is not found for the developer")
    public void otherAppHidden() {
        CfApiException refusal = catchThrowableOfType(CfApiException.class, () -> developer.apps().get(otherApp.guid()));
        assertThat(refusal).as("GET of an app in a space the developer has no role in must fail").isNotNull();
        assertThat(refusal.status()).as("status of %s", refusal.request()).isEqualTo(404);
        assertThat(refusal.detail()).as("detail of %s", refusal.request()).isEqualTo("App not found");
        assertThat(developer.apps().list()).as("apps the developer sees").extracting(App::guid).doesNotContain(otherApp.guid());
    }

    @Then("creating an organization is refused to the developer with 403 {string}")
    public void orgCreationRefused(String title) {
        CfApiException refusal = catchThrowableOfType(CfApiException.class,
                () -> developer.organizations().create(context.run().workspace().names().next("org")));
        assertThat(refusal).as("a space developer must not create organizations").isNotNull();
        assertThat(refusal.status()).as("status of %s", refusal.request()).isEqualTo(403);
        assertThat(refusal.title()).as("title of %s", refusal.request()).isEqualTo(title);
    }

    @When("the developer's space role is removed")
    public void roleRemoved() {
        context.cf().users().revoke(roleGuid);
    }

    @Then("the developer no longer sees the app in that space")
    public void accessGone() {
        String app = ownApp.guid();
        CfApiException refusal = catchThrowableOfType(CfApiException.class, () -> developer.apps().get(app));
        assertThat(refusal).as("GET of the app after the developer's role was removed must fail").isNotNull();
        assertThat(refusal.status()).as("status of %s", refusal.request()).isEqualTo(404);
    }
}
