package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import vigil.cf.AppLogLine;
import vigil.cf.AppSsh;
import vigil.cf.CfClient;
import vigil.cf.SshLoginRefusedException;
import vigil.cf.SshResult;
import vigil.cf.SshSession;
import vigil.config.Secret;

/**
 * {@code cf ssh} as a developer uses it: one-time codes from the UAA, commands, a shell and a local port forward in
 * a chosen instance, and the refusals (a used code, SSH disabled, no developer role).
 */
public final class SshSteps {
    private final ScenarioContext context;
    private final List<SshSession> sessions = new ArrayList<>();
    private ScenarioUser user;
    private String userRole = "the configured user";
    private String disabledFor;
    private SshResult result;
    private Secret usedCode;
    private int forwardedPort;

    public SshSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("SSH is enabled for the app")
    public void sshEnabledForApp() {
        String app = context.app().app().guid();
        context.cf().appSsh().enableForApp(app, true);
        AppSsh.SshEnabled enabled = context.cf().appSsh().enabled(app);
        assertThat(enabled.enabled()).as("GET /v3/apps/%s/ssh_enabled after enabling SSH for the app (reason: %s);"
                + " SSH must be on for the platform and the space too", app, enabled.reason()).isTrue();
    }

    @Given("a space {word} of the scenario's space")
    public void spaceMember(String role) {
        user = ScenarioUser.withSpaceRole(context, "space_" + role);
        userRole = "space " + role;
    }

    @When("the user runs {string} over SSH in instance {int}")
    public void runOverSsh(String command, int index) {
        result = logIn(index, code()).exec(command);
    }

    @Then("the command exits 0 and both of its output streams show INSTANCE_INDEX={int} and the app's VCAP_APPLICATION")
    public void bothStreamsShowInstance(int index) {
        assertThat(result.exitStatus()).as("exit status of the command (stderr: %s)", result.stderr()).isEqualTo(0);
        assertShowsInstance("stdout of the command", result.stdout(), index);
        assertShowsInstance("stderr of the command", result.stderr(), index);
    }

    @When("the user opens an SSH shell in instance {int} and types {string}")
    public void shell(int index, String input) {
        result = logIn(index, code()).shell(input + "\n");
    }

    @Then("the shell's output shows INSTANCE_INDEX={int} and the app's VCAP_APPLICATION")
    public void shellShowsInstance(int index) {
        assertShowsInstance("output of the shell", result.stdout(), index);
    }

    @Then("the app's recent logs show {string} from source SSH")
    public void logsShow(String text) {
        String app = context.app().app().guid();
        AppLogLine line = Awaitility.await("a line with '" + text + "' in the recent logs of " + app)
                .pollInSameThread().pollInterval(context.cf().timeouts().poll())
                .atMost(context.config().scaled(Duration.ofSeconds(30)))
                .until(() -> context.cf().logCache().recent(app, 200).stream()
                        .filter(l -> l.text().contains(text)).findFirst().orElse(null), l -> l != null);
        assertThat(line.sourceType()).as("source type of '%s'", line.text()).isEqualTo("SSH");
    }

    @When("the user logs in over SSH to instance {int} with a one-time code")
    public void logInOnce(int index) {
        usedCode = code();
        SshResult echo = logIn(index, usedCode).exec("echo logged-in");
        assertThat(echo.stdout()).as("a command in the first session with the code").contains("logged-in");
    }

    @Then("logging in again with the same code is refused")
    public void sameCodeRefused() {
        assertRefused(0, usedCode, "a second login with a one-time code that was already used");
    }

    @When("SSH is disabled for the {word}")
    public void disable(String level) {
        AppSsh ssh = context.cf().appSsh();
        switch (level) {
            case "app" -> ssh.enableForApp(context.app().app().guid(), false);
            case "space" -> ssh.allowForSpace(context.workspace().space().guid(), false);
            default -> throw new IllegalArgumentException("SSH is disabled for the app or the space, not the " + level);
        }
        disabledFor = level;
    }

    @Then("the app reports SSH disabled with a reason naming the {word}")
    public void reportedDisabled(String level) {
        String app = context.app().app().guid();
        AppSsh.SshEnabled enabled = context.cf().appSsh().enabled(app);
        assertThat(enabled.enabled()).as("ssh_enabled of app %s after disabling SSH for the %s", app, level).isFalse();
        assertThat(enabled.reason()).as("ssh_enabled reason of app %s", app).contains(level);
    }

    @Then("the user's SSH login to instance {int} is refused")
    public void loginRefused(int index) {
        assertRefused(index, code(), disabledFor != null
                ? "an SSH login (fresh one-time code) while SSH is disabled for the " + disabledFor
                : "an SSH login (fresh one-time code) by a " + userRole + ", who may not change the space's apps,");
    }

    @When("the user forwards a local port through instance {int} to the app's port in the container")
    public void forward(int index) {
        // The port the app listens on inside its container, as CF reports it (8080 on Diego).
        String app = context.app().app().guid();
        JsonNode stats = context.cf().getJson("/v3/apps/" + app + "/processes/web/stats").path("resources").path(index);
        int port = stats.path("instance_ports").path(0).path("internal").asInt(0);
        assertThat(port).as("instance_ports[0].internal of instance %d in the stats of %s: %s", index, app, stats)
                .isPositive();
        forwardedPort = logIn(index, code()).forwardLocalPort(port);
    }

    @Then("a request to the local port is answered by instance {int}")
    public void forwardedRequest(int index) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(context.cf().timeouts().route()).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + forwardedPort + "/index"))
                .timeout(context.cf().timeouts().route()).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET /index through the SSH port forward (local port " + forwardedPort
                    + ") failed: " + e.getMessage(), e);
        }
        assertThat(response.statusCode()).as("status of GET /index through the forward").isEqualTo(200);
        assertThat(response.body().trim()).as("instance index answering through the forward").isEqualTo(Integer.toString(index));
    }

    private void assertShowsInstance(String what, String output, int index) {
        assertThat(output).as("%s: the instance's index (the instance environment)", what)
                .containsPattern("(?m)^(CF_)?INSTANCE_INDEX=" + index + "$");
        assertThat(output).as("%s: VCAP_APPLICATION naming the app", what)
                .containsPattern("VCAP_APPLICATION=.*\"application_name\":\"" + context.app().app().name() + "\"");
    }

    private void assertRefused(int index, Secret code, String what) {
        SshLoginRefusedException refused = catchThrowableOfType(SshLoginRefusedException.class,
                () -> logIn(index, code));
        assertThat(refused).as("%s to instance %d of %s must be refused", what, index, context.app().app().name())
                .isNotNull();
    }

    private Secret code() {
        return speaker().appSsh().oneTimeCode();
    }

    private SshSession logIn(int index, Secret code) {
        SshSession session = speaker().appSsh().logIn(context.app().app().guid(), index, code);
        sessions.add(session);
        return session;
    }

    /** The scenario's user if it made one, else the configured one. */
    private CfClient speaker() {
        return user != null ? user.cf() : context.cf();
    }

    /** Sessions end with the scenario, before its space (and the app) go. */
    @After(order = 50)
    public void closeSessions() {
        sessions.forEach(SshSession::close);
        sessions.clear();
    }
}
