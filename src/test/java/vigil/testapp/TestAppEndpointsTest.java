package vigil.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packed app as a real process, one instance for all tests: every endpoint over HTTP. */
class TestAppEndpointsTest {
    static final String INSTANCE_GUID = "6f1c2b9e-7a41-4b8e-9a55-1d2c3e4f5a6b";
    static final String MARKER = "droplet-" + UUID.randomUUID();
    /** Every kind of character that JSON must escape, or must not lose. */
    private static final String TRICKY_VALUE = "q\" b\\ tab\t nl\n cr\r bell\u0007 esc\u001b é ✓ 😀";
    private static final Pattern COUNTER_LINE = Pattern.compile("vigil-counter (\\d+) (\\S+)");

    @TempDir
    static Path dir;
    private static TestAppProcess app;

    @BeforeAll
    static void startApp() throws IOException {
        app = TestAppProcess.start(TestAppJar.write(dir.resolve("app.jar"), MARKER), Map.of(
                "CF_INSTANCE_INDEX", "2",
                "CF_INSTANCE_GUID", INSTANCE_GUID,
                "VCAP_APPLICATION", "{\"application_id\":\"a1\",\"application_name\":\"vigil-app-1\",\"instance_index\":2}",
                "VIGIL_TRICKY", TRICKY_VALUE,
                "VIGIL_LOG_COUNTER_MS", "50"));
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void printsOneLineWhenListening() {
        assertThat(app.lines()).contains("vigil-testapp listening on port " + app.port() + " (instance 2)");
    }

    @Test
    void greetsWithTheAppNameAndInstanceIndex() {
        HttpResponse<String> response = app.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hi, I'm vigil-app-1 instance 2!");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void answersItsInstanceGuidAndIndex() {
        assertThat(app.get("/id").body()).isEqualTo(INSTANCE_GUID);
        assertThat(app.get("/index").body()).isEqualTo("2");
    }

    @Test
    void namesTheInstanceOnEveryResponseIncludingErrors() {
        for (String path : List.of("/", "/env/VIGIL_UNSET_" + UUID.randomUUID().toString().replace('-', '_'), "/no/such/path", "/sleep/x")) {
            assertThat(app.get(path).headers().firstValue("X-Vigil-Instance")).as(path).hasValue(INSTANCE_GUID);
        }
        assertThat(app.send("DELETE", "/").headers().firstValue("X-Vigil-Instance")).hasValue(INSTANCE_GUID);
    }

    @Test
    void answersOneVariableAnd404WhenItIsUnset() {
        assertThat(app.get("/env/CF_INSTANCE_INDEX").body()).isEqualTo("2");
        assertThat(app.get("/env/VIGIL_TRICKY").body()).isEqualTo(TRICKY_VALUE);

        HttpResponse<String> unset = app.get("/env/VIGIL_NEVER_SET");
        assertThat(unset.statusCode()).isEqualTo(404);
        assertThat(unset.body()).contains("VIGIL_NEVER_SET");
    }

    @Test
    void answersEveryVariableAsJsonThatJacksonReads() throws IOException {
        HttpResponse<String> response = app.get("/env.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        Map<String, String> env = new ObjectMapper().readValue(response.body(), new TypeReference<Map<String, String>>() { });
        assertThat(env).containsEntry("VIGIL_TRICKY", TRICKY_VALUE)
                .containsEntry("CF_INSTANCE_GUID", INSTANCE_GUID)
                .containsEntry("PORT", Integer.toString(app.port()))
                .containsKey("VCAP_APPLICATION");
    }

    @Test
    void healthFailsOnRequestAndRecovers() {
        assertThat(app.get("/health").statusCode()).isEqualTo(200);
        assertThat(app.get("/health").body()).isEqualTo("ok");

        assertThat(app.get("/health/fail").statusCode()).isEqualTo(200);
        assertThat(app.get("/health").statusCode()).isEqualTo(500);

        assertThat(app.post("/health/ok").statusCode()).isEqualTo(200);
        assertThat(app.get("/health").statusCode()).isEqualTo(200);

        assertThat(app.post("/health/fail").statusCode()).isEqualTo(200);
        assertThat(app.get("/health").statusCode()).isEqualTo(500);
        app.get("/health/ok");
    }

    @Test
    void readinessSwitchesOffAndOn() {
        assertThat(app.get("/ready").statusCode()).isEqualTo(200);

        app.post("/ready/off");
        assertThat(app.get("/ready").statusCode()).isEqualTo(503);
        assertThat(app.get("/").statusCode()).as("only readiness changes").isEqualTo(200);

        app.get("/ready/on");
        assertThat(app.get("/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void answersTheVersionMarkerBakedIntoTheJar() {
        assertThat(app.get("/version").body()).isEqualTo(MARKER);
    }

    @Test
    void sleepsBeforeAnswering() {
        long started = System.nanoTime();
        HttpResponse<String> response = app.get("/sleep/300");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("slept 300 ms");
        assertThat(app.get("/sleep/soon").statusCode()).isEqualTo(400);
        assertThat(app.get("/sleep/-1").statusCode()).isEqualTo(400);
    }

    @Test
    void answersProbesWhileSlowRequestsAreInFlight() {
        List<CompletableFuture<HttpResponse<String>>> slow = IntStream.range(0, 8).mapToObj(i -> app.getAsync("/sleep/2000")).toList();

        List<HttpResponse<String>> probes = IntStream.range(0, 20).mapToObj(i -> app.getAsync("/"))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(probes).allSatisfy(probe -> assertThat(probe.statusCode()).isEqualTo(200));
        assertThat(slow).as("slow requests still sleeping when every probe was answered").noneMatch(CompletableFuture::isDone);
        assertThat(slow).allSatisfy(request -> assertThat(request.join().statusCode()).isEqualTo(200));
    }

    @Test
    void logsTheTextAsOneLineOnStdout() {
        String text = "hello from " + UUID.randomUUID();

        HttpResponse<String> response = app.get("/log/" + text.replace(" ", "%20"));
        HttpResponse<String> twoLines = app.get("/log/first%0Asecond-" + text.replace(" ", "%20"));

        assertThat(response.body()).isEqualTo(text);
        assertThat(twoLines.body()).isEqualTo("first second-" + text);
        await("the logged text on the app's stdout").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(app.lines()).contains(text, "first second-" + text));
    }

    @Test
    void countsUpOnEveryCall() {
        long first = Long.parseLong(app.get("/counter").body());
        long second = Long.parseLong(app.get("/counter").body());

        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void printsNumberedTimestampedCounterLinesAtTheConfiguredRate() {
        await("five vigil-counter lines, printed every 50 ms").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> counterLines().size() >= 5);

        List<Matcher> lines = counterLines();
        assertThat(lines).extracting(line -> Long.parseLong(line.group(1)))
                .startsWith(1L, 2L, 3L, 4L, 5L);
        List<Instant> times = lines.stream().map(line -> Instant.parse(line.group(2))).toList();
        assertThat(times).isSorted().allSatisfy(time -> assertThat(time).isBetween(Instant.now().minusSeconds(60), Instant.now()));
    }

    @Test
    void answers404ForAnUnknownPathAnd405ForOtherMethods() {
        assertThat(app.get("/no/such/path").statusCode()).isEqualTo(404);
        assertThat(app.get("/env/").statusCode()).isEqualTo(404);

        HttpResponse<String> delete = app.send("DELETE", "/");
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
    }

    @Test
    void answersHeadWithoutABody() {
        HttpResponse<String> head = app.send("HEAD", "/health");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    private static List<Matcher> counterLines() {
        return app.lines().stream().map(COUNTER_LINE::matcher).filter(Matcher::matches).toList();
    }
}
