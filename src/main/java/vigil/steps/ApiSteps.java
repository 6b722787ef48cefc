package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import vigil.cf.ApiInfo;
import vigil.cf.RootLinks;

/** The API's front door: root links, info and version. */
public final class ApiSteps {
    private final ScenarioContext context;
    private RootLinks root;
    private ApiInfo info;

    public ApiSteps(ScenarioContext context) {
        this.context = context;
    }

    /** Both are public in CF: each must answer 200 with JSON without a token, or the step fails. */
    @When("I read the API's root and info")
    public void readRootAndInfo() {
        root = context.cf().root();
        info = context.cf().info();
    }

    @Then("the root links to a login server, a UAA and the v3 API")
    public void rootLinksLoginUaaAndV3() {
        assertThat(root.login().getScheme()).as("links.login scheme").isIn("http", "https");
        assertThat(root.uaa().getScheme()).as("links.uaa scheme").isIn("http", "https");
        assertThat(root.cloudControllerV3().getPath()).as("links.cloud_controller_v3 path").endsWith("/v3");
    }

    @Then("the v3 API version is at least {string}")
    public void v3VersionIsAtLeast(String minimum) {
        assertThat(root.v3Version()).as("links.cloud_controller_v3.meta.version").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(VersionNumber.parse(root.v3Version()))
                .as("CC v3 API version %s against the minimum %s", root.v3Version(), minimum)
                .isGreaterThanOrEqualTo(VersionNumber.parse(minimum));
    }
}
