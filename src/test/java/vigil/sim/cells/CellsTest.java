package vigil.sim.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real instance processes of a tiny JDK-only app; each test starts only a few JVMs. */
class CellsTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path shared;
    private static Path droplet;

    private Cells cells;

    @BeforeAll
    static void packTestApp() throws IOException {
        droplet = TestAppJar.write(shared.resolve("test-app.jar"));
    }

    @BeforeEach
    void startCells(@TempDir Path workDir) {
        cells = Cells.start(new Cells.Options(3, workDir, null));
    }

    @AfterEach
    void closeCells() {
        cells.close();
        assertThat(cells.liveProcesses()).isZero();
    }

    private static DesiredProcess web(String guid, int instances, String version) {
        return web(guid, instances, version, Map.of(), null);
    }

    private static DesiredProcess web(String guid, int instances, String version, Map<String, String> env,
                                      HealthCheck healthCheck) {
        return new DesiredProcess(guid, "app-" + guid, "web", droplet, null, instances, 64, 256, env, healthCheck,
                version);
    }

    private List<InstanceStatus> awaitInstances(String alias, String guid, Predicate<List<InstanceStatus>> condition) {
        return await(alias).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> cells.instances(guid), condition);
    }

    private static Predicate<List<InstanceStatus>> all(int count, InstanceState state) {
        return list -> list.size() == count && list.stream().allMatch(status -> status.state() == state);
    }

    private static String get(InstanceStatus instance, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .timeout(Duration.ofSeconds(5)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean isDead(long pid) {
        return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }

    @Test
    void runsAnInstanceWithExactlyTheCfEnvironment() throws Exception {
        String vcap = "{\"application_name\":\"greeter\",\"application_id\":\"app-g\",\"uris\":[\"greeter.example\"]}";
        cells.desire(web("g", 1, "v1", Map.of("GREETING", "hello", "VCAP_APPLICATION", vcap,
                "VCAP_SERVICES", "{}"), null));

        InstanceStatus instance = awaitInstances("instance 0 running", "g", all(1, InstanceState.RUNNING)).get(0);

        assertThat(instance.index()).isZero();
        assertThat(instance.routable()).isTrue();
        assertThat(instance.host()).isEqualTo("127.0.0.1");
        assertThat(instance.pid()).isPositive();
        assertThat(instance.memoryBytes()).isPositive();
        assertThat(get(instance, "/")).isEqualTo("index=0 guid=" + instance.instanceGuid());
        assertThat(get(instance, "/env/PORT")).isEqualTo(Integer.toString(instance.port()));
        assertThat(get(instance, "/env/CF_INSTANCE_ADDR")).isEqualTo("127.0.0.1:" + instance.port());
        assertThat(get(instance, "/env/MEMORY_LIMIT")).isEqualTo("64m");
        assertThat(get(instance, "/env/GREETING")).isEqualTo("hello");
        assertThat(get(instance, "/env-names").lines()).containsExactlyInAnyOrder("PATH", "GREETING",
                "VCAP_APPLICATION", "VCAP_SERVICES", "PORT", "CF_INSTANCE_INDEX", "CF_INSTANCE_GUID",
                "CF_INSTANCE_PORT", "CF_INSTANCE_ADDR", "CF_INSTANCE_IP", "INSTANCE_INDEX", "INSTANCE_GUID",
                "MEMORY_LIMIT", "HOME", "TMPDIR");
        JsonNode vcapApplication = new ObjectMapper().readTree(get(instance, "/env/VCAP_APPLICATION"));
        assertThat(vcapApplication.get("application_name").asText()).isEqualTo("greeter");
        assertThat(vcapApplication.get("uris").get(0).asText()).isEqualTo("greeter.example");
        assertThat(vcapApplication.get("instance_index").asInt()).isZero();
        assertThat(vcapApplication.get("instance_id").asText()).isEqualTo(instance.instanceGuid());
        assertThat(vcapApplication.get("port").asInt()).isEqualTo(instance.port());
        assertThat(vcapApplication.get("host").asText()).isEqualTo("0.0.0.0");
    }

    @Test
    void keepsOutputAndLifecycleLinesPerApp() {
        cells.desire(web("logs", 1, "v1"));
        awaitInstances("instance running", "logs", all(1, InstanceState.RUNNING));

        List<LogLine> lines = await("start lines in the log").atMost(START_TIMEOUT)
                .until(() -> cells.recentLogs("app-logs", 100),
                        log -> log.stream().anyMatch(line -> line.text().equals("test app stderr works")));

        assertThat(lines).anySatisfy(line -> {
            assertThat(line.text()).startsWith("test app listening on port");
            assertThat(line.sourceType()).isEqualTo("APP/PROC/WEB");
            assertThat(line.instanceId()).isEqualTo("0");
            assertThat(line.stderr()).isFalse();
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.stderr()).isTrue());
        assertThat(lines).filteredOn(line -> line.sourceType().equals("CELL")).extracting(LogLine::text)
                .anyMatch(text -> text.matches("Cell cell-\\d creating container for instance .+"))
                .anyMatch(text -> text.matches("Cell cell-\\d successfully created container for instance .+"));
        assertThat(cells.recentLogs("app-logs", 1)).hasSize(1);

        cells.appendLog(new LogLine(lines.get(0).timestamp(), "app-logs", "STG", "0", false, "staged"));
        assertThat(cells.recentLogs("app-logs", 1)).extracting(LogLine::text).containsExactly("staged");
    }

    @Test
    void scalesUpOverEveryCellAndDownByStoppingTheHighestIndices() {
        cells.desire(web("scaled", 1, "v1"));
        awaitInstances("1 running", "scaled", all(1, InstanceState.RUNNING));

        cells.desire(web("scaled", 3, "v1"));
        List<InstanceStatus> three = awaitInstances("3 running", "scaled", all(3, InstanceState.RUNNING));

        assertThat(three).extracting(InstanceStatus::index).containsExactly(0, 1, 2);
        assertThat(three).extracting(InstanceStatus::cell).doesNotHaveDuplicates();
        assertThat(three).extracting(InstanceStatus::zone).containsExactlyInAnyOrder("z1", "z2", "z3");
        assertThat(cells.cells()).extracting(CellStatus::instances).containsExactly(1, 1, 1);
        assertThat(cells.liveProcesses()).isEqualTo(3);

        cells.desire(web("scaled", 1, "v1"));

        assertThat(cells.instances("scaled")).extracting(InstanceStatus::index).containsExactly(0);
        assertThat(cells.instances("scaled").get(0).instanceGuid()).isEqualTo(three.get(0).instanceGuid());
        await("indices 1 and 2 gone").atMost(START_TIMEOUT)
                .until(() -> isDead(three.get(1).pid()) && isDead(three.get(2).pid()) && cells.liveProcesses() == 1);
    }

    @Test
    void restartsACrashedInstanceWithANewGuid() throws Exception {
        cells.desire(web("crashy", 1, "v1"));
        InstanceStatus before = awaitInstances("running", "crashy", all(1, InstanceState.RUNNING)).get(0);

        get(before, "/crash");

        InstanceStatus crashed = awaitInstances("crashed", "crashy", all(1, InstanceState.CRASHED)).get(0);
        assertThat(crashed.details()).isEqualTo("APP/PROC/WEB: Exited with status 1");
        assertThat(crashed.routable()).isFalse();
        InstanceStatus after = awaitInstances("running again", "crashy", all(1, InstanceState.RUNNING)).get(0);
        assertThat(after.instanceGuid()).isNotEqualTo(before.instanceGuid());
        assertThat(after.pid()).isNotEqualTo(before.pid());
        assertThat(cells.recentLogs("app-crashy", 1000)).extracting(LogLine::text)
                .contains("crashing on request", "Exit status 1");
    }

    @Test
    void neverRoutesAnInstanceWhoseHttpHealthCheckFailsAndCrashesItAfterTheTimeout() {
        HealthCheck http = new HealthCheck("http", "/health", Duration.ofSeconds(2), Duration.ofMillis(500), null);
        cells.desire(web("sick", 1, "v1", Map.of("HEALTH_STATUS", "503"), http));

        InstanceStatus starting = awaitInstances("starting", "sick", all(1, InstanceState.STARTING)).get(0);
        InstanceStatus crashed = awaitInstances("crashed after the timeout", "sick",
                list -> list.get(0).state() == InstanceState.CRASHED).get(0);

        assertThat(starting.routable()).isFalse();
        assertThat(crashed.instanceGuid()).isEqualTo(starting.instanceGuid());
        assertThat(crashed.details()).isEqualTo("Instance never healthy after 2s: Failed to make HTTP request to "
                + "'/health' on port " + starting.port() + ": received status code 503");
        await("unhealthy instance killed").atMost(START_TIMEOUT).until(() -> isDead(starting.pid()));
    }

    @Test
    void crashesAndRestartsARunningInstanceThatBecomesUnhealthy() throws Exception {
        HealthCheck http = new HealthCheck("http", "/health", null, null, Duration.ofMillis(200));
        cells.desire(web("flaky", 1, "v1", Map.of(), http));
        InstanceStatus healthy = awaitInstances("running", "flaky", all(1, InstanceState.RUNNING)).get(0);

        get(healthy, "/health/fail");

        InstanceStatus crashed = awaitInstances("crashed", "flaky", all(1, InstanceState.CRASHED)).get(0);
        assertThat(crashed.routable()).isFalse();
        assertThat(crashed.details()).isEqualTo("Instance became unhealthy: Failed to make HTTP request to "
                + "'/health' on port " + healthy.port() + ": received status code 503");
        InstanceStatus restarted = awaitInstances("running again", "flaky", all(1, InstanceState.RUNNING)).get(0);
        assertThat(restarted.instanceGuid()).isNotEqualTo(healthy.instanceGuid());
        await("unhealthy process killed").atMost(START_TIMEOUT).until(() -> isDead(healthy.pid()));
    }

    @Test
    void replacesEveryInstanceOnANewVersionWithoutAGap() {
        cells.desire(web("versioned", 2, "v1"));
        List<InstanceStatus> old = awaitInstances("v1 running", "versioned", all(2, InstanceState.RUNNING));
        Set<String> oldGuids = old.stream().map(InstanceStatus::instanceGuid).collect(Collectors.toSet());

        cells.desire(web("versioned", 2, "v2"));

        List<List<InstanceStatus>> seen = new CopyOnWriteArrayList<>();
        awaitInstances("v2 running", "versioned", list -> seen.add(list) && all(2, InstanceState.RUNNING).test(list)
                && list.stream().noneMatch(status -> oldGuids.contains(status.instanceGuid())));
        assertThat(seen).as("every index stays routable during the replacement")
                .allSatisfy(list -> assertThat(list).allMatch(InstanceStatus::routable));
        await("v1 processes gone").atMost(START_TIMEOUT)
                .until(() -> old.stream().allMatch(status -> isDead(status.pid())) && cells.liveProcesses() == 2);
    }

    @Test
    void removeStopsTheWholeProcessTreeOfACommand() {
        HealthCheck process = new HealthCheck("process", null, null, null, null);
        cells.desire(new DesiredProcess("forks", "app-forks", "worker", null, "sleep 300 & sleep 300 & wait", 1, 16, 64,
                Map.of(), process, "v1"));
        InstanceStatus running = awaitInstances("running", "forks", all(1, InstanceState.RUNNING)).get(0);
        List<Long> tree = await("the command forked twice").atMost(START_TIMEOUT)
                .until(() -> ProcessHandle.of(running.pid()).orElseThrow().descendants().map(ProcessHandle::pid)
                        .toList(), pids -> pids.size() == 2);
        assertThat(cells.liveProcesses()).isEqualTo(3);

        cells.remove("forks");

        assertThat(cells.instances("forks")).isEmpty();
        await("every process of the tree gone").atMost(START_TIMEOUT)
                .until(() -> isDead(running.pid()) && tree.stream().allMatch(CellsTest::isDead));
        assertThat(cells.liveProcesses()).isZero();
    }

    @Test
    void closeLeavesNoProcessBehind() {
        cells.desire(web("closing", 2, "v1"));
        List<InstanceStatus> running = awaitInstances("2 running", "closing", all(2, InstanceState.RUNNING));

        cells.close();

        assertThat(cells.liveProcesses()).isZero();
        assertThat(running).allSatisfy(status -> assertThat(isDead(status.pid())).isTrue());
    }
}
