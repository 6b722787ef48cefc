package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import vigil.cf.App;
import vigil.cf.AppResponse;
import vigil.cf.InstanceStats;
import vigil.cf.PushOperation;
import vigil.cf.PushedApp;
import vigil.cf.StagingFailedException;

/** An app's lifecycle as CF documents it: stop, start, restart, environment, staging that fails. */
public final class AppLifecycleSteps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScenarioContext context;
    private List<String> guidsBefore;
    private StagingFailedException stagingFailure;
    private App undetectable;

    public AppLifecycleSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("the app is stopped")
    public void appIsStopped() {
        App app = context.cf().apps().stop(context.app().app().guid());
        assertThat(app.state()).as("state of %s after stop", app.name()).isEqualTo("STOPPED");
    }

    @When("the app is started")
    public void appIsStarted() {
        context.cf().apps().start(context.app().app().guid());
        awaitAllRunning(context.app());
    }

    @When("the app is restarted")
    public void appIsRestarted() {
        guidsBefore = instanceGuids(context.app());
        context.cf().apps().restart(context.app().app().guid());
        awaitAllRunning(context.app());
    }

    @Then("its instances are reported DOWN")
    public void instancesDown() {
        String guid = context.app().app().guid();
        List<InstanceStats> stats = Awaitility.await("the instances of a stopped app to be reported DOWN")
                .pollInSameThread().pollInterval(context.cf().timeouts().poll()).atMost(context.cf().timeouts().start())
                .until(() -> context.cf().processes().stats(guid),
                        all -> !all.isEmpty() && all.stream().allMatch(s -> s.state().equals("DOWN")));
        assertThat(stats).extracting(InstanceStats::state).containsOnly("DOWN");
    }

    @Then("every instance has a new instance GUID")
    public void everyInstanceHasNewGuid() {
        List<String> after = instanceGuids(context.app());
        assertThat(after).as("instance GUIDs after restart").hasSameSizeAs(guidsBefore).doesNotContainAnyElementsOf(guidsBefore);
    }

    @When("the environment variable {string} is set to {string} and the app is restarted")
    public void environmentVariableSet(String name, String value) {
        context.cf().apps().updateEnvironment(context.app().app().guid(), Map.of(name, value));
        appIsRestarted();
    }

    @Then("the app sees {string} set to {string}")
    public void appSeesVariable(String name, String value) {
        AppResponse response = context.requests().get(context.app(), "/env/" + name);
        assertThat(response.status()).as("GET /env/%s: a variable set on the app must reach the app", name).isEqualTo(200);
        assertThat(response.body()).as("value of %s in the app", name).isEqualTo(value);
    }

    @Then("VCAP_APPLICATION in the app names the app, its space and its route")
    public void vcapApplication() throws Exception {
        PushedApp app = context.app();
        AppResponse response = context.requests().get(app, "/env/VCAP_APPLICATION");
        assertThat(response.status()).as("GET /env/VCAP_APPLICATION").isEqualTo(200);
        JsonNode vcap = JSON.readTree(response.body());
        assertThat(vcap.path("application_name").asText()).as("application_name").isEqualTo(app.app().name());
        assertThat(vcap.path("application_id").asText()).as("application_id").isEqualTo(app.app().guid());
        assertThat(vcap.path("space_name").asText()).as("space_name").isEqualTo(context.workspace().space().name());
        assertThat(vcap.path("application_uris").toString()).as("application_uris").contains(context.requests().host(app));
    }

    @When("bits that no buildpack detects are pushed")
    public void undetectableBitsPushed() {
        String name = context.run().workspace().names().next("app");
        undetectable = context.cf().apps().create(name, context.workspace().space().guid(), Map.of());
        stagingFailure = catchThrowableOfType(StagingFailedException.class,
                () -> new PushOperation(context.cf(), context.run().workspace().droplets(), true)
                        .stage(undetectable, staticSite()));
    }

    @Then("staging fails with {string}")
    public void stagingFails(String reason) {
        assertThat(stagingFailure).as("staging of bits without a Java main class must fail").isNotNull();
        assertThat(stagingFailure.reason()).as("build error").contains(reason);
        assertThat(context.cf().builds().get(stagingFailure.buildGuid()).state()).as("build state").isEqualTo("FAILED");
    }

    @Then("the app was never started")
    public void neverStarted() {
        assertThat(context.cf().apps().get(undetectable.guid()).state()).as("state of %s", undetectable.name())
                .isEqualTo("STOPPED");
    }

    private void awaitAllRunning(PushedApp app) {
        context.cf().processes().awaitAllRunning(app.app().guid(), app.app().name(), context.cf().timeouts().start());
    }

    private List<String> instanceGuids(PushedApp app) {
        return context.cf().processes().stats(app.app().guid()).stream().map(InstanceStats::instanceGuid).toList();
    }

    /** A static web site: what a staticfile app looks like, with nothing a Java buildpack detects. */
    private static byte[] staticSite() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write("<h1>not a Java app</h1>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
