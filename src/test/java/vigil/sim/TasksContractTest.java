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
import vigil.sim.cells.DesiredTask;

/** {@code /v3/tasks} against the fake runtime, which runs a task until the test finishes it. */
class TasksContractTest {

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

    private static String appWithDroplet() {
        String app = cc.createApp("app-" + UUID.randomUUID().toString().substring(0, 8), space);
        cc.pushDroplet(app);
        return app;
    }

    private static JsonNode createTask(String app, String body) {
        Reply reply = cc.post("/v3/apps/" + app + "/tasks", body);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(202);
        return reply.json();
    }

    private static DesiredTask desired(String taskGuid) {
        return cc.runtime.tasks.stream().filter(task -> task.taskGuid().equals(taskGuid)).findFirst().orElseThrow();
    }

    @Test
    void createdTaskIsRunningInTheCurrentDropletWithCcsFields() throws Exception {
        String app = appWithDroplet();
        String droplet = cc.get("/v3/apps/" + app + "/droplets/current").json().get("guid").asText();

        JsonNode task = createTask(app, "{\"command\":\"echo hi\",\"name\":\"migrate\",\"memory_in_mb\":256}");

        assertThat(fieldNames(task)).containsExactly("guid", "created_at", "updated_at", "sequence_id", "name",
                "command", "user", "state", "memory_in_mb", "disk_in_mb", "log_rate_limit_in_bytes_per_second",
                "result", "droplet_guid", "relationships", "metadata", "links");
        assertThat(task.get("state").asText()).isEqualTo("RUNNING");
        assertThat(task.get("name").asText()).isEqualTo("migrate");
        assertThat(task.get("command").asText()).isEqualTo("echo hi");
        assertThat(task.get("user").asText()).isEqualTo("vcap");
        assertThat(task.get("sequence_id").asInt()).isEqualTo(1);
        assertThat(task.get("memory_in_mb").asInt()).isEqualTo(256);
        assertThat(task.get("disk_in_mb").asInt()).isEqualTo(1024);
        assertThat(task.get("log_rate_limit_in_bytes_per_second").asLong()).isEqualTo(-1);
        assertThat(task.at("/result/failure_reason").isNull()).isTrue();
        assertThat(task.get("droplet_guid").asText()).isEqualTo(droplet);
        assertThat(task.at("/relationships/app/data/guid").asText()).isEqualTo(app);
        String guid = task.get("guid").asText();
        assertThat(fieldNames(task.get("links"))).containsExactly("self", "app", "cancel", "droplet");
        assertThat(task.at("/links/self/href").asText()).isEqualTo(cc.api + "/v3/tasks/" + guid);
        assertThat(task.at("/links/cancel/href").asText()).isEqualTo(cc.api + "/v3/tasks/" + guid + "/actions/cancel");
        assertThat(task.at("/links/cancel/method").asText()).isEqualTo("POST");
        assertThat(task.at("/links/droplet/href").asText()).isEqualTo(cc.api + "/v3/droplets/" + droplet);

        DesiredTask desired = desired(guid);
        assertThat(desired.command()).isEqualTo("echo hi");
        assertThat(desired.name()).isEqualTo("migrate");
        assertThat(desired.droplet()).isNotNull();
        assertThat(desired.environment()).containsEntry("GREETING", "hello").containsEntry("MEMORY_LIMIT", "256m")
                .containsEntry("VCAP_SERVICES", "{}").doesNotContainKey("PORT");
        JsonNode vcap = new ObjectMapper().readTree(desired.environment().get("VCAP_APPLICATION"));
        assertThat(vcap.get("application_id").asText()).isEqualTo(app);
        assertThat(vcap.at("/limits/mem").asInt()).isEqualTo(256);
        assertThat(vcap.has("process_id")).isFalse();
        assertThat(vcap.get("version").asText()).isNotEmpty();
    }

    @Test
    void tasksAreNumberedPerAppAndNamedWithRandomHexByDefault() {
        String app = appWithDroplet();
        JsonNode first = createTask(app, "{\"command\":\"true\"}");
        JsonNode second = createTask(app, "{\"command\":\"true\"}");
        JsonNode otherApp = createTask(appWithDroplet(), "{\"command\":\"true\"}");

        assertThat(first.get("sequence_id").asInt()).isEqualTo(1);
        assertThat(second.get("sequence_id").asInt()).isEqualTo(2);
        assertThat(otherApp.get("sequence_id").asInt()).isEqualTo(1);
        assertThat(first.get("name").asText()).matches("[0-9a-f]{8}").isNotEqualTo(second.get("name").asText());
    }

    @Test
    void taskEndsAsTheCellsReportIt() {
        String app = appWithDroplet();
        String succeeding = createTask(app, "{\"command\":\"exit 0\"}").get("guid").asText();
        String failing = createTask(app, "{\"command\":\"exit 3\"}").get("guid").asText();

        cc.runtime.finishTask(succeeding, 0);
        cc.runtime.finishTask(failing, 3);

        JsonNode succeeded = cc.get("/v3/tasks/" + succeeding).json();
        assertThat(succeeded.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(succeeded.at("/result/failure_reason").isNull()).isTrue();
        JsonNode failed = cc.get("/v3/tasks/" + failing).json();
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.at("/result/failure_reason").asText()).isEqualTo("Exited with status 3");
    }

    @Test
    void cancelAnswersCancelingThenTheTaskFailsAsCancelled() {
        String app = appWithDroplet();
        String guid = createTask(app, "{\"command\":\"sleep 60\"}").get("guid").asText();

        Reply cancel = cc.post("/v3/tasks/" + guid + "/actions/cancel", null);

        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.json().get("state").asText()).isEqualTo("CANCELING");
        JsonNode cancelled = await("task FAILED after the cancel").atMost(Duration.ofSeconds(5))
                .until(() -> cc.get("/v3/tasks/" + guid).json(), task -> task.get("state").asText().equals("FAILED"));
        assertThat(cancelled.at("/result/failure_reason").asText()).isEqualTo("task was cancelled");
        assertError(cc.post("/v3/tasks/" + guid + "/actions/cancel", null), 422, "CF-UnprocessableEntity", 10008,
                "Task state is FAILED and therefore cannot be canceled");
    }

    @Test
    void listOfAllTasksLeavesOutTheCommandAndFilters() {
        String app = appWithDroplet();
        String guid = createTask(app, "{\"command\":\"echo secret\",\"name\":\"listed\"}").get("guid").asText();
        cc.runtime.finishTask(guid, 0);
        createTask(app, "{\"command\":\"sleep 1\",\"name\":\"other\"}");

        JsonNode all = cc.get("/v3/tasks?app_guids=" + app + "&states=SUCCEEDED").json();
        assertThat(all.at("/pagination/total_results").asInt()).isEqualTo(1);
        JsonNode listed = all.at("/resources/0");
        assertThat(listed.get("guid").asText()).isEqualTo(guid);
        assertThat(listed.has("command")).isFalse();
        assertThat(all.at("/pagination/first/href").asText())
                .isEqualTo(cc.api + "/v3/tasks?app_guids=" + app + "&page=1&per_page=50&states=SUCCEEDED");

        JsonNode forApp = cc.get("/v3/apps/" + app + "/tasks?names=listed").json();
        assertThat(forApp.at("/pagination/total_results").asInt()).isEqualTo(1);
        assertThat(forApp.at("/resources/0/command").asText()).as("the app's own list shows it to a developer")
                .isEqualTo("echo secret");
        assertThat(cc.get("/v3/apps/" + app + "/tasks?sequence_ids=2").json().at("/resources/0/name").asText())
                .isEqualTo("other");
        assertThat(cc.get("/v3/tasks/" + guid).json().get("command").asText()).isEqualTo("echo secret");
        assertError(cc.get("/v3/tasks?sequence_ids=1"), 400, "CF-BadQueryParameter", 10005, null);
    }

    @Test
    void rejectsTasksWithoutCommandOrDropletAndUnknownOnes() {
        String app = appWithDroplet();
        String withoutDroplet = cc.createApp("bare-" + UUID.randomUUID().toString().substring(0, 8), space);

        assertError(cc.post("/v3/apps/" + app + "/tasks", "{\"name\":\"x\"}"), 422, "CF-UnprocessableEntity", 10008,
                "Command No command or template provided");
        assertError(cc.post("/v3/apps/" + app + "/tasks", "{\"command\":\"x\",\"memory_in_mb\":0,\"colour\":1}"), 422,
                "CF-UnprocessableEntity", 10008, "Unknown field(s): 'colour', Memory in mb must be greater than 0");
        assertError(cc.post("/v3/apps/" + withoutDroplet + "/tasks", "{\"command\":\"x\"}"), 422,
                "CF-UnprocessableEntity", 10008,
                "Task must have a droplet. Specify droplet or assign current droplet to app.");
        assertError(cc.post("/v3/apps/" + UUID.randomUUID() + "/tasks", "{\"command\":\"x\"}"), 404,
                "CF-ResourceNotFound", 10010, "App not found");
        assertError(cc.post("/v3/apps/" + app + "/tasks", "{\"command\":\"x\",\"droplet_guid\":\"" + UUID.randomUUID()
                + "\"}"), 404, "CF-ResourceNotFound", 10010, "Droplet not found");
        assertError(cc.get("/v3/tasks/" + UUID.randomUUID()), 404, "CF-ResourceNotFound", 10010, "Task not found");
        assertError(cc.post("/v3/tasks/" + UUID.randomUUID() + "/actions/cancel", null), 404, "CF-ResourceNotFound",
                10010, "Task not found");
    }

    @Test
    void templateProcessGivesTheCommandAndLimits() {
        String app = appWithDroplet();
        cc.post("/v3/apps/" + app + "/processes/web/actions/scale", "{\"memory_in_mb\":128}");

        JsonNode task = createTask(app, "{\"template\":{\"process\":{\"guid\":\"" + app + "\"}}}");

        assertThat(task.get("command").asText()).isEqualTo("java -jar app.jar");
        assertThat(task.get("memory_in_mb").asInt()).isEqualTo(128);
    }

    @Test
    void deletingTheAppCancelsAndDeletesItsTasks() {
        String app = appWithDroplet();
        String guid = createTask(app, "{\"command\":\"sleep 60\"}").get("guid").asText();

        cc.awaitJob(cc.delete("/v3/apps/" + app));

        assertThat(cc.get("/v3/tasks/" + guid).status()).isEqualTo(404);
        assertThat(cc.get("/v3/tasks?app_guids=" + app).json().at("/pagination/total_results").asInt()).isZero();
    }
}
