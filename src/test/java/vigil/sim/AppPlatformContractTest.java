package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vigil.sim.CloudControllerEndpointsTest.fieldNames;
import static vigil.sim.OrganizationsAndSpacesContractTest.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;
import vigil.sim.cells.DesiredProcess;
import vigil.sim.cells.Rollout;
import vigil.sim.cells.SidecarProcess;

/**
 * The app platform endpoints against the fake runtime: Procfile process types, sidecars, revisions (and rollback
 * deployments), canary deployments with continue, readiness checks.
 */
class AppPlatformContractTest {

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

    private static String newApp() {
        return cc.createApp("app-" + UUID.randomUUID().toString().substring(0, 8), space);
    }

    private static byte[] jarWithProcfile(String procfile) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "test.Main");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry("Procfile"));
            jar.write(procfile.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static String deploymentBody(String app, String extra) {
        return "{\"relationships\":{\"app\":{\"data\":{\"guid\":\"" + app + "\"}}}" + extra + "}";
    }

    private static JsonNode awaitReason(String deployment, String reason) {
        return await("deployment " + reason).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> cc.get("/v3/deployments/" + deployment).json(),
                        d -> d.at("/status/reason").asText().equals(reason));
    }

    private static List<JsonNode> resources(String path) {
        List<JsonNode> all = new ArrayList<>();
        cc.get(path).json().path("resources").forEach(all::add);
        return all;
    }

    @Test
    void aProcfileGivesTheDropletAWorkerProcessThatRunsOnlyOnceScaled() {
        String app = newApp();
        String droplet = cc.pushDroplet(app, jarWithProcfile("worker: ./run-worker\n"));

        assertThat(cc.get("/v3/droplets/" + droplet).json().at("/process_types/worker").asText()).isEqualTo("./run-worker");
        assertThat(resources("/v3/apps/" + app + "/processes")).extracting(p -> p.get("type").asText())
                .containsExactlyInAnyOrder("web", "worker");
        JsonNode worker = cc.get("/v3/apps/" + app + "/processes/worker").json();
        assertThat(worker.get("instances").asInt()).isZero();
        assertThat(worker.at("/health_check/type").asText()).isEqualTo("process");
        assertThat(worker.get("command").asText()).isEqualTo("./run-worker");

        assertThat(cc.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);
        assertThat(cc.post("/v3/processes/" + worker.get("guid").asText() + "/actions/scale", "{\"instances\":2}").status())
                .isEqualTo(202);

        DesiredProcess desired = cc.runtime.lastDesire();
        assertThat(desired.processType()).isEqualTo("worker");
        assertThat(desired.instances()).isEqualTo(2);
        assertThat(desired.command()).isEqualTo("./run-worker");
        assertThat(desired.healthCheck().type()).isEqualTo("process");
    }

    @Test
    void aProcfileThatIsNotAMapFailsStaging() {
        String app = newApp();
        JsonNode build = cc.stagedBuild(cc.uploadedPackage(app, jarWithProcfile("- just a list\n")));

        assertThat(build.get("state").asText()).isEqualTo("FAILED");
        assertThat(build.get("error").asText()).contains("Procfile");
    }

    @Test
    void sidecarsAreCreatedListedPerProcessAndRunBesideTheInstances() {
        String app = newApp();
        cc.pushDroplet(app);
        Reply created = cc.post("/v3/apps/" + app + "/sidecars",
                "{\"name\":\"auth\",\"command\":\"./auth\",\"process_types\":[\"web\"],\"memory_in_mb\":64}");

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode sidecar = created.json();
        assertThat(fieldNames(sidecar)).containsExactly("guid", "name", "command", "process_types", "memory_in_mb",
                "origin", "relationships", "created_at", "updated_at");
        assertThat(sidecar.get("origin").asText()).isEqualTo("user");
        assertThat(sidecar.at("/relationships/app/data/guid").asText()).isEqualTo(app);
        assertError(cc.post("/v3/apps/" + app + "/sidecars",
                        "{\"name\":\"auth\",\"command\":\"./other\",\"process_types\":[\"web\"]}"),
                422, "CF-UnprocessableEntity", 10008, "Sidecar with name 'auth' already exists for given app");
        assertError(cc.post("/v3/apps/" + app + "/sidecars", "{\"name\":\"x\",\"command\":\"./x\"}"),
                422, "CF-UnprocessableEntity", 10008, "Process types must have at least 1 process_type");
        assertThat(resources("/v3/processes/" + app + "/sidecars")).extracting(s -> s.get("name").asText())
                .containsExactly("auth");

        assertThat(cc.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);
        assertThat(cc.runtime.lastDesire().sidecars()).containsExactly(new SidecarProcess("auth", "./auth"));

        String guid = sidecar.get("guid").asText();
        assertThat(cc.delete("/v3/sidecars/" + guid).status()).isEqualTo(204);
        assertError(cc.get("/v3/sidecars/" + guid), 404, "CF-ResourceNotFound", 10010, "Sidecar not found");
    }

    @Test
    void deploymentsMakeRevisionsAndARevisionCanBeDeployedBack() {
        String app = newApp();
        String second = cc.pushDroplet(app);
        String first = cc.pushDroplet(app);
        assertThat(cc.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);
        String deployment = cc.post("/v3/deployments", deploymentBody(app, ",\"droplet\":{\"guid\":\"" + second + "\"}"))
                .json().get("guid").asText();
        awaitReason(deployment, "DEPLOYED");

        List<JsonNode> revisions = resources("/v3/apps/" + app + "/revisions");
        assertThat(revisions).extracting(r -> r.get("version").asInt() + " " + r.get("description").asText())
                .containsExactly("1 Initial revision.", "2 New droplet deployed.");
        assertThat(fieldNames(revisions.get(0))).containsExactly("guid", "version", "droplet", "processes", "sidecars",
                "description", "deployable", "relationships", "created_at", "updated_at", "metadata", "links");
        assertThat(revisions.get(0).at("/droplet/guid").asText()).isEqualTo(first);
        assertThat(revisions.get(0).get("deployable").asBoolean()).isTrue();
        assertThat(cc.get("/v3/apps/" + app + "/processes/web").json().at("/relationships/revision/data/guid").asText())
                .isEqualTo(revisions.get(1).get("guid").asText());

        Reply rollback = cc.post("/v3/deployments",
                deploymentBody(app, ",\"revision\":{\"guid\":\"" + revisions.get(0).get("guid").asText() + "\"}"));

        assertThat(rollback.status()).as(rollback.raw().body()).isEqualTo(201);
        assertThat(rollback.json().at("/revision/version").asInt()).isEqualTo(3);
        assertThat(rollback.json().at("/droplet/guid").asText()).isEqualTo(first);
        awaitReason(rollback.json().get("guid").asText(), "DEPLOYED");
        List<JsonNode> deployed = resources("/v3/apps/" + app + "/revisions/deployed");
        assertThat(deployed).extracting(r -> r.get("description").asText()).containsExactly("Rolled back to revision 1.");
        assertThat(cc.get("/v3/apps/" + app + "/droplets/current").json().get("guid").asText()).isEqualTo(first);
        assertThat(cc.get("/v3/apps/" + app + "/features/revisions").json().get("enabled").asBoolean()).isTrue();
        assertError(cc.post("/v3/deployments", deploymentBody(app, ",\"revision\":{\"guid\":\"" + UUID.randomUUID() + "\"}")),
                422, "CF-UnprocessableEntity", 10008, "The revision does not exist");
    }

    @Test
    void aCanaryReplacesOneInstancePausesAndGoesOnWhenContinued() {
        String app = newApp();
        String second = cc.pushDroplet(app);
        cc.pushDroplet(app);
        assertThat(cc.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);

        Reply created = cc.post("/v3/deployments", deploymentBody(app, ",\"droplet\":{\"guid\":\"" + second
                + "\"},\"strategy\":\"canary\""));

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.json().get("strategy").asText()).isEqualTo("canary");
        assertThat(cc.runtime.rollouts).last().isEqualTo(new Rollout(1, false).canary());
        String guid = created.json().get("guid").asText();
        JsonNode paused = awaitReason(guid, "PAUSED");
        assertThat(paused.at("/status/value").asText()).isEqualTo("ACTIVE");
        assertThat(paused.at("/links/continue/method").asText()).isEqualTo("POST");

        Reply continued = cc.post("/v3/deployments/" + guid + "/actions/continue", null);

        assertThat(continued.status()).as(continued.raw().body()).isEqualTo(200);
        assertThat(cc.runtime.rollouts).last().isEqualTo(new Rollout(1, false));
        assertThat(awaitReason(guid, "DEPLOYED").at("/status/value").asText()).isEqualTo("FINALIZED");
        assertError(cc.post("/v3/deployments/" + guid + "/actions/continue", null), 422, "CF-UnprocessableEntity", 10008,
                "Cannot continue a deployment with status: FINALIZED and reason: DEPLOYED");
    }

    @Test
    void aReadinessCheckIsStoredShownAndDesired() {
        String app = newApp();
        cc.pushDroplet(app);
        Reply updated = cc.patch("/v3/processes/" + app,
                "{\"readiness_health_check\":{\"type\":\"http\",\"data\":{\"endpoint\":\"/ready\",\"interval\":2}}}");

        assertThat(updated.status()).as(updated.raw().body()).isEqualTo(200);
        assertThat(updated.json().at("/readiness_health_check/type").asText()).isEqualTo("http");
        assertThat(updated.json().at("/readiness_health_check/data/endpoint").asText()).isEqualTo("/ready");
        assertThat(updated.json().at("/readiness_health_check/data/interval").asInt()).isEqualTo(2);
        assertError(cc.patch("/v3/processes/" + app, "{\"readiness_health_check\":{\"type\":\"tcp\"}}"), 422,
                "CF-UnprocessableEntity", 10008, "Readiness health check type must be \"port\", \"process\", or \"http\"");

        assertThat(cc.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);
        DesiredProcess desired = cc.runtime.lastDesire();
        assertThat(desired.readiness().type()).isEqualTo("http");
        assertThat(desired.readiness().endpoint()).isEqualTo("/ready");
        assertThat(desired.readiness().interval()).isEqualTo(Duration.ofSeconds(2));
    }
}
