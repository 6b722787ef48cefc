package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.api.CcFaults;
import vigil.sim.cells.Cells;
import vigil.sim.cells.LogLine;
import vigil.testapp.TestAppJar;

/** Tasks end to end: created over the CC's HTTP API, run as OS processes in the test app's droplet. */
class TasksOnCellsTest {

    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path workDir;
    private static Cells cells;
    private static CcFixture cc;
    private static String app;

    @BeforeAll
    static void start() throws IOException {
        cells = Cells.start(new Cells.Options(1, workDir.resolve("cells"), null));
        cc = new CcFixture(workDir.resolve("cc"), cells, new CcFaults());
        String space = cc.createSpace("space", cc.createOrg("org-" + UUID.randomUUID()));
        app = cc.createApp("tasks", space);
        JsonNode build = cc.stagedBuild(cc.uploadedPackage(app, TestAppJar.bytes("v1")));
        cc.patch("/v3/apps/" + app + "/relationships/current_droplet",
                "{\"data\":{\"guid\":\"" + build.at("/droplet/guid").asText() + "\"}}");
    }

    @AfterAll
    static void stop() {
        cc.close();
        cells.close();
        assertThat(cells.liveProcesses()).isZero();
    }

    private static String run(String name, String command) {
        var reply = cc.post("/v3/apps/" + app + "/tasks", "{\"name\":\"" + name + "\",\"command\":\""
                + command.replace("\"", "\\\"") + "\"}");
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(202);
        return reply.json().get("guid").asText();
    }

    private static JsonNode awaitEnd(String task) {
        return await("task " + task + " ended").atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> cc.get("/v3/tasks/" + task).json(),
                        t -> List.of("SUCCEEDED", "FAILED").contains(t.get("state").asText()));
    }

    private static List<LogLine> logs(String sourceType) {
        return cells.recentLogs(app, 1000).stream().filter(line -> line.sourceType().equals(sourceType)).toList();
    }

    @Test
    void taskSucceedsAndItsOutputIsInTheAppsLog() {
        JsonNode task = awaitEnd(run("greet", "echo hello; exit 0"));

        assertThat(task.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(task.at("/result/failure_reason").isNull()).isTrue();
        assertThat(logs("APP/TASK/greet")).extracting(LogLine::text).contains("hello", "Exit status 0");
    }

    @Test
    void failingTaskFailsWithItsExitStatus() {
        JsonNode task = awaitEnd(run("fail", "echo failing >&2; exit 3"));

        assertThat(task.get("state").asText()).isEqualTo("FAILED");
        assertThat(task.at("/result/failure_reason").asText()).isEqualTo("Exited with status 3");
        assertThat(logs("APP/TASK/fail")).anySatisfy(line -> {
            assertThat(line.text()).isEqualTo("failing");
            assertThat(line.stderr()).isTrue();
        });
    }

    @Test
    void taskRunsInTheDropletWithTheAppsEnvironmentAndJava() {
        JsonNode task = awaitEnd(run("inspect", "test -f app.jar && test -z \"$PORT\" && echo \"greeting=$GREETING\""
                + " && java -cp app.jar vigil.testapp.TestAppJar 2>/dev/null; java -version 2>&1 | head -1"));

        assertThat(task.get("state").asText()).as(task.at("/result/failure_reason").asText()).isEqualTo("SUCCEEDED");
        assertThat(logs("APP/TASK/inspect")).extracting(LogLine::text).contains("greeting=hello")
                .anyMatch(text -> text.contains("version"));
    }

    @Test
    void cancelledTaskFailsAsCancelledAndItsProcessIsGone() {
        String task = run("sleeper", "echo pid=$$; exec sleep 60");
        String pidLine = await("the task printed its pid").atMost(TASK_TIMEOUT)
                .until(() -> logs("APP/TASK/sleeper").stream().map(LogLine::text).filter(t -> t.startsWith("pid="))
                        .findFirst().orElse(null), line -> line != null);
        long pid = Long.parseLong(pidLine.substring("pid=".length()));
        assertThat(ProcessHandle.of(pid)).isPresent();

        var cancel = cc.post("/v3/tasks/" + task + "/actions/cancel", null);

        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.json().get("state").asText()).isEqualTo("CANCELING");
        JsonNode cancelled = awaitEnd(task);
        assertThat(cancelled.get("state").asText()).isEqualTo("FAILED");
        assertThat(cancelled.at("/result/failure_reason").asText()).isEqualTo("task was cancelled");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
