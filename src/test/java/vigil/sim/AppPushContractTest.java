package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vigil.sim.CloudControllerEndpointsTest.fieldNames;
import static vigil.sim.OrganizationsAndSpacesContractTest.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;
import vigil.sim.cells.DesiredProcess;

class AppPushContractTest {

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

    private static String app() {
        return cc.createApp("app-" + UUID.randomUUID().toString().substring(0, 8), space);
    }

    @Test
    void createdAppIsStoppedWithAWebProcessOfTheSameGuid() {
        Reply reply = cc.post("/v3/apps", "{\"name\":\"shape\",\"relationships\":{\"space\":{\"data\":{\"guid\":\"" + space + "\"}}}}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode app = reply.json();
        assertThat(fieldNames(app)).containsExactly("guid", "created_at", "updated_at", "name", "state", "lifecycle",
                "relationships", "metadata", "links");
        assertThat(app.get("state").asText()).isEqualTo("STOPPED");
        assertThat(app.at("/lifecycle/type").asText()).isEqualTo("buildpack");
        assertThat(app.at("/relationships/current_droplet/data/guid").isNull()).isTrue();
        String guid = app.get("guid").asText();
        JsonNode process = cc.get("/v3/apps/" + guid + "/processes/web").json();
        assertThat(process.get("guid").asText()).isEqualTo(guid);
        assertThat(fieldNames(process)).containsExactly("guid", "created_at", "updated_at", "version", "type", "command",
                "user", "instances", "memory_in_mb", "disk_in_mb", "log_rate_limit_in_bytes_per_second", "health_check",
                "readiness_health_check", "relationships", "metadata", "links");
        assertThat(fieldNames(process.at("/health_check/data"))).containsExactly("timeout", "invocation_timeout", "interval");
        assertThat(process.at("/relationships/revision").isNull()).isTrue();
        assertThat(process.get("instances").asInt()).isEqualTo(1);
        assertError(cc.post("/v3/apps", "{\"name\":\"shape\",\"relationships\":{\"space\":{\"data\":{\"guid\":\"" + space + "\"}}}}"),
                422, "CF-UniquenessError", 10016, "App with the name 'shape' already exists.");
        assertError(cc.get("/v3/apps/" + UUID.randomUUID()), 404, "CF-ResourceNotFound", 10010, "App not found");
        assertError(cc.get("/v3/processes/" + UUID.randomUUID()), 404, "CF-ResourceNotFound", 10010, "Process not found");
        assertError(cc.get("/v3/apps/" + guid + "/droplets/current"), 404, "CF-ResourceNotFound", 10010, "Droplet not found");
    }

    @Test
    void startingWithoutADropletIsUnprocessable() {
        assertError(cc.post("/v3/apps/" + app() + "/actions/start", null), 422, "CF-UnprocessableEntity", 10008,
                "Assign a droplet before starting this app.");
    }

    @Test
    void packageGoesFromAwaitingUploadToReadyWithAChecksumAndRejectsASecondUpload() {
        String app = app();
        String pkg = cc.createPackage(app);
        assertThat(cc.get("/v3/packages/" + pkg).json().get("state").asText()).isEqualTo("AWAITING_UPLOAD");
        assertError(cc.post("/v3/builds", "{\"package\":{\"guid\":\"" + pkg + "\"}}"), 400, "CF-BadRequest", 1004,
                "Bad request: Cannot stage package whose state is not ready.");

        Reply upload = cc.upload(pkg, CcFixture.runnableJar("test.Main"), "[]");

        assertThat(upload.status()).isEqualTo(200);
        assertThat(upload.json().get("state").asText()).isIn("PROCESSING_UPLOAD", "READY");
        await().atMost(Duration.ofSeconds(10)).until(() -> cc.get("/v3/packages/" + pkg).json().get("state").asText(), "READY"::equals);
        JsonNode ready = cc.get("/v3/packages/" + pkg).json();
        assertThat(fieldNames(ready)).containsExactly("guid", "created_at", "updated_at", "type", "data", "state",
                "relationships", "metadata", "links");
        assertThat(ready.at("/data/checksum/type").asText()).isEqualTo("sha256");
        assertThat(ready.at("/data/checksum/value").asText()).matches("[0-9a-f]{64}");
        assertError(cc.upload(pkg, CcFixture.runnableJar("test.Main"), "[]"), 400, "CF-PackageBitsAlreadyUploaded", 150004,
                "Bits may be uploaded only once. Create a new package to upload different bits.");
        assertThat(OrganizationsAndSpacesContractTest.guidsOf(cc.get("/v3/apps/" + app + "/packages").json())).containsExactly(pkg);
    }

    @Test
    void stagingSomethingThatIsNotAJarFailsAsABuildpackDetectFailure() {
        String app = app();
        JsonNode build = cc.stagedBuild(cc.uploadedPackage(app, CcFixture.plainZip()));

        assertThat(build.get("state").asText()).isEqualTo("FAILED");
        assertThat(build.get("error").asText())
                .isEqualTo("NoAppDetectedError - An app was not successfully detected by any available buildpack");
        assertThat(build.get("droplet").isNull()).isTrue();
    }

    @Test
    void stagingAJarMakesAStagedDropletAndWritesStagingLogs() {
        String app = app();
        JsonNode build = cc.stagedBuild(cc.uploadedPackage(app, CcFixture.runnableJar("test.Main")));

        assertThat(fieldNames(build)).containsExactly("guid", "created_at", "updated_at", "state", "staging_memory_in_mb",
                "staging_disk_in_mb", "staging_log_rate_limit_bytes_per_second", "error", "lifecycle", "package", "droplet",
                "created_by", "relationships", "metadata", "links");
        assertThat(build.get("state").asText()).isEqualTo("STAGED");
        JsonNode droplet = cc.get("/v3/droplets/" + build.at("/droplet/guid").asText()).json();
        assertThat(droplet.get("state").asText()).isEqualTo("STAGED");
        assertThat(droplet.at("/checksum/type").asText()).isEqualTo("sha256");
        assertThat(droplet.at("/process_types/web").asText()).isNotBlank();
        assertThat(fieldNames(droplet.get("links"))).contains("self", "app", "assign_current_droplet", "package");
        assertThat(cc.runtime.logs).anySatisfy(line -> {
            assertThat(line.appGuid()).isEqualTo(app);
            assertThat(line.sourceType()).isEqualTo("STG");
            assertThat(line.text()).contains("Java app detected");
        });
    }

    @Test
    void startingDesiresTheWebProcessWithCcsEnvironment() throws IOException {
        String app = app();
        cc.createRoute("greeter-" + app.substring(0, 8), null, space);
        String route = cc.get("/v3/routes?hosts=greeter-" + app.substring(0, 8)).json().at("/resources/0/guid").asText();
        cc.post("/v3/routes/" + route + "/destinations", "{\"destinations\":[{\"app\":{\"guid\":\"" + app + "\"}}]}");
        String droplet = cc.pushDroplet(app);

        Reply start = cc.post("/v3/apps/" + app + "/actions/start", null);

        assertThat(start.status()).isEqualTo(200);
        assertThat(start.json().get("state").asText()).isEqualTo("STARTED");
        DesiredProcess desired = cc.runtime.lastDesire();
        assertThat(desired.processGuid()).isEqualTo(app);
        assertThat(desired.appGuid()).isEqualTo(app);
        assertThat(desired.processType()).isEqualTo("web");
        assertThat(desired.instances()).isEqualTo(1);
        assertThat(desired.droplet()).exists();
        assertThat(desired.command()).isNull();
        assertThat(desired.environment()).containsEntry("GREETING", "hello").containsEntry("VCAP_SERVICES", "{}")
                .containsEntry("MEMORY_LIMIT", "1024m");
        JsonNode vcap = new ObjectMapper().readTree(desired.environment().get("VCAP_APPLICATION"));
        assertThat(fieldNames(vcap)).containsExactly("cf_api", "limits", "application_name", "application_uris", "name",
                "space_name", "space_id", "organization_id", "organization_name", "uris", "process_id", "process_type",
                "application_id", "version", "application_version");
        assertThat(vcap.get("application_id").asText()).isEqualTo(app);
        assertThat(vcap.get("space_id").asText()).isEqualTo(space);
        assertThat(vcap.get("cf_api").asText()).isEqualTo(cc.api);
        assertThat(vcap.at("/limits/mem").asInt()).isEqualTo(1024);
        assertThat(vcap.get("application_uris").get(0).asText()).isEqualTo("greeter-" + app.substring(0, 8) + "." + CcFixture.APPS_DOMAIN);
        assertThat(vcap.get("version").asText()).isEqualTo(desired.version());
        assertThat(cc.get("/v3/apps/" + app + "/relationships/current_droplet").json().at("/data/guid").asText()).isEqualTo(droplet);
        assertThat(cc.get("/v3/processes/" + app).json().get("version").asText()).isEqualTo(desired.version());
    }

    @Test
    void scaleRestartAndStopReachTheRuntime() {
        String app = app();
        cc.pushDroplet(app);
        cc.post("/v3/apps/" + app + "/actions/start", null);
        String firstVersion = cc.runtime.lastDesire().version();

        Reply scale = cc.post("/v3/apps/" + app + "/processes/web/actions/scale", "{\"instances\":3}");

        assertThat(scale.status()).isEqualTo(202);
        assertThat(scale.json().get("instances").asInt()).isEqualTo(3);
        assertThat(cc.runtime.lastDesire().instances()).isEqualTo(3);
        assertThat(cc.runtime.lastDesire().version()).as("scaling keeps the instances").isEqualTo(firstVersion);
        JsonNode stats = cc.get("/v3/processes/" + app + "/stats").json();
        assertThat(fieldNames(stats)).containsExactly("resources");
        assertThat(stats.get("resources")).hasSize(3);
        assertThat(fieldNames(stats.at("/resources/0"))).containsExactly("type", "index", "instance_guid", "state",
                "routable", "host", "instance_internal_ip", "uptime", "mem_quota", "disk_quota", "log_rate_limit",
                "fds_quota", "isolation_segment", "details", "instance_ports", "usage");
        assertThat(fieldNames(stats.at("/resources/0/instance_ports/0"))).containsExactly("external", "internal",
                "external_tls_proxy_port", "internal_tls_proxy_port");
        assertThat(fieldNames(stats.at("/resources/0/usage"))).containsExactly("time", "cpu", "cpu_entitlement", "mem",
                "disk", "log_rate");
        assertThat(stats.at("/resources/2/state").asText()).isEqualTo("RUNNING");

        cc.post("/v3/apps/" + app + "/actions/restart", null);
        assertThat(cc.runtime.lastDesire().version()).isNotEqualTo(firstVersion);
        assertThat(cc.runtime.lastDesire().instances()).isEqualTo(3);

        Reply stop = cc.post("/v3/apps/" + app + "/actions/stop", null);
        assertThat(stop.json().get("state").asText()).isEqualTo("STOPPED");
        assertThat(cc.runtime.removals).contains(app);
        JsonNode down = cc.get("/v3/apps/" + app + "/processes/web/stats").json();
        assertThat(fieldNames(down.at("/resources/0"))).containsExactly("type", "index", "state", "routable", "uptime",
                "isolation_segment", "details");
        assertThat(down.at("/resources/0/state").asText()).isEqualTo("DOWN");
    }

    @Test
    void processUpdateChangesCommandAndHealthCheck() {
        String app = app();
        Reply reply = cc.patch("/v3/processes/" + app,
                "{\"command\":\"java -Xss1m -jar app.jar\",\"health_check\":{\"type\":\"http\",\"data\":{\"endpoint\":\"/health\",\"timeout\":30}}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("command").asText()).isEqualTo("java -Xss1m -jar app.jar");
        assertThat(reply.json().at("/health_check/type").asText()).isEqualTo("http");
        assertThat(fieldNames(reply.json().at("/health_check/data"))).containsExactly("timeout", "invocation_timeout",
                "interval", "endpoint");
        assertThat(reply.json().at("/health_check/data/timeout").asInt()).isEqualTo(30);
        assertError(cc.patch("/v3/processes/" + app, "{\"health_check\":{\"type\":\"tcp\"}}"), 422, "CF-UnprocessableEntity",
                10008, "Health check type must be \"port\", \"process\", or \"http\"");
    }

    @Test
    void environmentVariablesMergeAndNullRemoves() {
        String app = app();

        Reply patched = cc.patch("/v3/apps/" + app + "/environment_variables", "{\"var\":{\"GREETING\":null,\"COLOUR\":\"blue\"}}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(fieldNames(patched.json().get("var"))).containsExactly("COLOUR");
        JsonNode env = cc.get("/v3/apps/" + app + "/env").json();
        assertThat(fieldNames(env)).containsExactly("environment_variables", "staging_env_json", "running_env_json",
                "system_env_json", "application_env_json");
        assertThat(env.at("/environment_variables/COLOUR").asText()).isEqualTo("blue");
        assertThat(env.at("/system_env_json/VCAP_SERVICES").isObject()).isTrue();
        assertThat(env.at("/application_env_json/VCAP_APPLICATION/application_id").asText()).isEqualTo(app);
        assertThat(env.at("/application_env_json/VCAP_APPLICATION").has("users")).isTrue();
    }

    @Test
    void aDropletCopiedToAnotherAppBecomesStaged() {
        String source = cc.pushDroplet(app());
        String target = app();

        Reply copy = cc.post("/v3/droplets?source_guid=" + source,
                "{\"relationships\":{\"app\":{\"data\":{\"guid\":\"" + target + "\"}}}}");

        assertThat(copy.status()).isEqualTo(201);
        assertThat(copy.json().get("state").asText()).isIn("COPYING", "STAGED");
        String guid = copy.json().get("guid").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> cc.get("/v3/droplets/" + guid).json().get("state").asText(), "STAGED"::equals);
        assertThat(cc.patch("/v3/apps/" + target + "/relationships/current_droplet", "{\"data\":{\"guid\":\"" + guid + "\"}}")
                .status()).isEqualTo(200);
    }

    @Test
    void deletingAnAppIsAJobThatStopsItAndRemovesWhatItOwns() {
        String app = app();
        String droplet = cc.pushDroplet(app);
        cc.post("/v3/apps/" + app + "/actions/start", null);

        Reply accepted = cc.delete("/v3/apps/" + app);

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = cc.awaitJob(accepted);
        assertThat(job.get("operation").asText()).isEqualTo("app.delete");
        assertThat(job.get("state").asText()).isEqualTo("COMPLETE");
        assertThat(cc.runtime.removals).contains(app);
        assertThat(cc.get("/v3/apps/" + app).status()).isEqualTo(404);
        assertThat(cc.get("/v3/droplets/" + droplet).status()).isEqualTo(404);
    }
}
