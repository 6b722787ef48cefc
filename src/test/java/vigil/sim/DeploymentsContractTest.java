package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vigil.sim.CloudControllerEndpointsTest.fieldNames;
import static vigil.sim.OrganizationsAndSpacesContractTest.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;
import vigil.sim.cells.Rollout;

/** {@code /v3/deployments} against the fake runtime, which rolls out at once. */
class DeploymentsContractTest {

    @TempDir
    static Path workDir;
    private static CcFixture cc;
    private static String space;

    @BeforeAll
    static void start() throws IOException {
        cc = new CcFixture(workDir);
        space = cc.createSpace("space", cc.createOrg("org-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stop() {
        cc.close();
    }

    private record Pushed(String app, String firstDroplet, String secondDroplet) {
    }

    /** A started app with two staged droplets, the first current and running. */
    private static Pushed startedApp() {
        String app = cc.createApp("app-" + UUID.randomUUID().toString().substring(0, 8), space);
        String second = cc.pushDroplet(app);
        String first = cc.pushDroplet(app);
        assertThat(cc.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);
        return new Pushed(app, first, second);
    }

    private static String body(String app, String extra) {
        return "{\"relationships\":{\"app\":{\"data\":{\"guid\":\"" + app + "\"}}}" + extra + "}";
    }

    private static JsonNode awaitStatus(String guid, String reason) {
        return await("deployment " + reason).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> cc.get("/v3/deployments/" + guid).json(), d -> d.at("/status/reason").asText().equals(reason));
    }

    @Test
    void deploymentOfADropletIsActiveThenDeployedAndTheDropletIsCurrent() {
        Pushed pushed = startedApp();
        String versionBefore = cc.get("/v3/apps/" + pushed.app() + "/processes/web").json().get("version").asText();

        Reply created = cc.post("/v3/deployments", body(pushed.app(),
                ",\"droplet\":{\"guid\":\"" + pushed.secondDroplet() + "\"},\"options\":{\"max_in_flight\":2}"));

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode deployment = created.json();
        assertThat(fieldNames(deployment)).containsExactly("guid", "created_at", "updated_at", "status", "strategy",
                "options", "droplet", "previous_droplet", "new_processes", "revision", "relationships", "metadata",
                "links");
        assertThat(deployment.has("state")).isFalse();
        assertThat(deployment.at("/status/value").asText()).isEqualTo("ACTIVE");
        assertThat(deployment.at("/status/reason").asText()).isEqualTo("DEPLOYING");
        assertThat(fieldNames(deployment.at("/status/details")))
                .containsExactly("last_successful_healthcheck", "last_status_change");
        assertThat(deployment.get("strategy").asText()).isEqualTo("rolling");
        assertThat(fieldNames(deployment.get("options"))).containsExactly("max_in_flight");
        assertThat(deployment.at("/options/max_in_flight").asInt()).isEqualTo(2);
        assertThat(deployment.at("/droplet/guid").asText()).isEqualTo(pushed.secondDroplet());
        assertThat(deployment.at("/previous_droplet/guid").asText()).isEqualTo(pushed.firstDroplet());
        assertThat(deployment.at("/new_processes/0/guid").asText()).isEqualTo(pushed.app());
        assertThat(deployment.at("/new_processes/0/type").asText()).isEqualTo("web");
        assertThat(deployment.at("/revision/version").asInt()).as("the revision of the new droplet").isEqualTo(2);
        assertThat(deployment.at("/relationships/app/data/guid").asText()).isEqualTo(pushed.app());
        String guid = deployment.get("guid").asText();
        assertThat(deployment.at("/links/self/href").asText()).isEqualTo(cc.api + "/v3/deployments/" + guid);
        assertThat(deployment.at("/links/cancel/method").asText()).isEqualTo("POST");
        assertThat(cc.get("/v3/apps/" + pushed.app() + "/droplets/current").json().get("guid").asText())
                .isEqualTo(pushed.secondDroplet());
        assertThat(cc.runtime.rollouts).last().isEqualTo(new Rollout(2, false));
        assertThat(cc.runtime.lastDesire().version()).isNotEqualTo(versionBefore);

        JsonNode deployed = awaitStatus(guid, "DEPLOYED");
        assertThat(deployed.at("/status/value").asText()).isEqualTo("FINALIZED");
        assertThat(deployed.at("/links/cancel").isMissingNode()).isTrue();
        assertError(cc.post("/v3/deployments/" + guid + "/actions/cancel", null), 422, "CF-UnprocessableEntity", 10008,
                "Cannot cancel a deployment with status: FINALIZED and reason: DEPLOYED");
    }

    @Test
    void cancelAssignsThePreviousDropletAndRollsBack() {
        Pushed pushed = startedApp();
        String versionBefore = cc.get("/v3/apps/" + pushed.app() + "/processes/web").json().get("version").asText();
        cc.runtime.holdRollouts = true;
        try {
            String guid = cc.post("/v3/deployments", body(pushed.app(), ",\"droplet\":{\"guid\":\""
                    + pushed.secondDroplet() + "\"}")).json().get("guid").asText();

            Reply cancel = cc.post("/v3/deployments/" + guid + "/actions/cancel", null);

            assertThat(cancel.status()).isEqualTo(200);
            assertThat(cancel.raw().body()).isEmpty();
            JsonNode canceling = cc.get("/v3/deployments/" + guid).json();
            assertThat(canceling.at("/status/value").asText()).isEqualTo("ACTIVE");
            assertThat(canceling.at("/status/reason").asText()).isEqualTo("CANCELING");
            assertThat(cc.get("/v3/apps/" + pushed.app() + "/droplets/current").json().get("guid").asText())
                    .isEqualTo(pushed.firstDroplet());
            assertThat(cc.runtime.lastDesire().version()).as("back to the version that ran before")
                    .isEqualTo(versionBefore);
            cc.runtime.holdRollouts = false;
            JsonNode canceled = awaitStatus(guid, "CANCELED");
            assertThat(canceled.at("/status/value").asText()).isEqualTo("FINALIZED");
        } finally {
            cc.runtime.holdRollouts = false;
        }
    }

    @Test
    void newDeploymentSupersedesTheActiveOne() {
        Pushed pushed = startedApp();
        cc.runtime.holdRollouts = true;
        try {
            String first = cc.post("/v3/deployments", body(pushed.app(), ",\"droplet\":{\"guid\":\""
                    + pushed.secondDroplet() + "\"}")).json().get("guid").asText();
            String second = cc.post("/v3/deployments", body(pushed.app(), "")).json().get("guid").asText();

            JsonNode superseded = cc.get("/v3/deployments/" + first).json();
            assertThat(superseded.at("/status/value").asText()).isEqualTo("FINALIZED");
            assertThat(superseded.at("/status/reason").asText()).isEqualTo("SUPERSEDED");
            assertThat(cc.get("/v3/deployments?app_guids=" + pushed.app() + "&status_values=ACTIVE").json()
                    .at("/resources/0/guid").asText()).isEqualTo(second);
            cc.runtime.holdRollouts = false;
            awaitStatus(second, "DEPLOYED");
            assertThat(cc.get("/v3/deployments?app_guids=" + pushed.app() + "&status_values=FINALIZED").json()
                    .at("/pagination/total_results").asInt()).isEqualTo(2);
        } finally {
            cc.runtime.holdRollouts = false;
        }
    }

    @Test
    void deployingAStoppedAppStartsItAndIsDeployedAtOnce() {
        String app = cc.createApp("stopped-" + UUID.randomUUID().toString().substring(0, 8), space);
        cc.pushDroplet(app);

        JsonNode deployment = cc.post("/v3/deployments", body(app, "")).json();

        assertThat(deployment.at("/status/value").asText()).isEqualTo("FINALIZED");
        assertThat(deployment.at("/status/reason").asText()).isEqualTo("DEPLOYED");
        assertThat(deployment.get("new_processes")).isEmpty();
        assertThat(cc.get("/v3/apps/" + app).json().get("state").asText()).isEqualTo("STARTED");
    }

    @Test
    void rejectsWhatCcRejects() {
        Pushed pushed = startedApp();
        String bare = cc.createApp("bare-" + UUID.randomUUID().toString().substring(0, 8), space);

        assertError(cc.post("/v3/deployments", body(UUID.randomUUID().toString(), "")), 422, "CF-UnprocessableEntity",
                10008, "Unable to use app. Ensure that the app exists and you have access to it.");
        assertError(cc.post("/v3/deployments", body(bare, "")), 422, "CF-UnprocessableEntity", 10008,
                "Invalid droplet. Please specify a droplet in the request or set a current droplet for the app.");
        assertError(cc.post("/v3/deployments", body(pushed.app(), ",\"strategy\":\"potato\",\"options\":{\"max_in_flight\":0}")),
                422, "CF-UnprocessableEntity", 10008,
                "Strategy 'potato' is not a supported deployment strategy, Max in flight must be an integer greater than 0");
        assertError(cc.post("/v3/deployments", body(pushed.app(), ",\"droplet\":{\"guid\":\"" + UUID.randomUUID() + "\"}")),
                422, "CF-UnprocessableEntity", 10008,
                "Unable to assign current droplet. Ensure the droplet exists and belongs to this app.");
        assertError(cc.get("/v3/deployments/" + UUID.randomUUID()), 404, "CF-ResourceNotFound", 10010,
                "Deployment not found");
        assertError(cc.post("/v3/deployments/" + UUID.randomUUID() + "/actions/cancel", null), 404,
                "CF-ResourceNotFound", 10010, "Deployment not found");
        assertError(cc.get("/v3/deployments?colour=red"), 400, "CF-BadQueryParameter", 10005, null);
    }
}
