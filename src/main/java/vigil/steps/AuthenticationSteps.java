package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import vigil.cf.AccessToken;
import vigil.cf.CfApiException;
import vigil.cf.CfClient;

/** Logging in through UAA and how the Cloud Controller treats missing and bad tokens. */
public final class AuthenticationSteps {
    private final ScenarioContext context;

    public AuthenticationSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("the admin logs in")
    public void adminLogsIn() {
        context.token(context.cf().logIn());
    }

    @Then("UAA issues a token for the admin that has not expired")
    public void tokenIsForAdminAndValid() {
        AccessToken token = context.token();
        String user = context.config().adminUser();
        if (user != null && !user.isEmpty()) {
            assertThat(token.userName()).as("user_name claim of the token").isEqualTo(user);
        } else {
            assertThat(token.clientId()).as("client_id claim of the token").isEqualTo(context.config().adminClient());
        }
        assertThat(token.expiresAt()).as("exp claim of the token").isAfter(Instant.now());
        assertThat(token.scopes()).as("scope claim of the token").isNotEmpty();
    }

    @Then("the token lets the admin list organizations")
    public void tokenListsOrganizations() {
        CfClient withToken = context.cf().withAuthorization("bearer " + context.token().value().reveal());
        assertThat(withToken.organizations().list()).as("GET /v3/organizations with the admin's token").isNotNull();
    }

    @When("I list organizations without a token")
    public void listWithoutToken() {
        context.refusal(refusedListing(context.cf().withAuthorization(null)));
    }

    @When("I list organizations with a tampered token")
    public void listWithTamperedToken() {
        String tampered = TamperedToken.of(context.cf().logIn().value().reveal());
        context.refusal(refusedListing(context.cf().withAuthorization("bearer " + tampered)));
    }

    @Then("the API refuses with {int} {string} and code {int}")
    public void apiRefuses(int status, String title, int code) {
        CfApiException refusal = context.refusal();
        assertThat(refusal.status()).as("HTTP status of %s", refusal.request()).isEqualTo(status);
        assertThat(refusal.title()).as("error title of %s", refusal.request()).isEqualTo(title);
        assertThat(refusal.code()).as("error code of %s", refusal.request()).isEqualTo(code);
    }

    private static CfApiException refusedListing(CfClient client) {
        CfApiException refusal = catchThrowableOfType(CfApiException.class, () -> client.organizations().list());
        assertThat(refusal).as("GET /v3/organizations must be refused, but it succeeded").isNotNull();
        return refusal;
    }
}
