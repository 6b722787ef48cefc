package vigil.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the app starts, stops and crashes, each test with an instance of its own. */
class TestAppLifecycleTest {
    private static final Map<String, String> CF_INSTANCE = Map.of(
            "CF_INSTANCE_INDEX", "0",
            "CF_INSTANCE_GUID", "0c8a9b1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d",
            "VCAP_APPLICATION", "{\"application_name\":\"vigil-lifecycle\"}");

    @TempDir
    static Path dir;
    private static Path jar;
    private final List<TestAppProcess> started = new ArrayList<>();

    @BeforeAll
    static void pack() throws IOException {
        jar = TestAppJar.write(dir.resolve("app.jar"), "lifecycle");
    }

    @AfterEach
    void stopEveryApp() {
        started.forEach(TestAppProcess::close);
    }

    @Test
    void crashAnswersThenExitsWithStatus1() throws IOException {
        TestAppProcess app = start(CF_INSTANCE);

        HttpResponse<String> response = app.get("/crash");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("crashing");
        assertThat(app.awaitExit(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(app.lines()).contains("vigil-testapp crashing on request (exit status 1)")
                .doesNotContain("vigil-testapp stopping");
    }

    @Test
    void stopsPromptlyOnSigterm() throws IOException {
        TestAppProcess app = start(CF_INSTANCE);

        app.sigterm();

        assertThat(app.awaitExit(Duration.ofSeconds(5))).as("exit status after SIGTERM").isEqualTo(143);
        assertThat(app.lines()).contains("vigil-testapp stopping");
    }

    @Test
    void runsOutsideCfWithALocalInstanceId() throws IOException {
        TestAppProcess app = start(Map.of());

        HttpResponse<String> greeting = app.get("/");

        assertThat(greeting.body()).isEqualTo("Hi, I'm vigil-testapp instance 0!");
        String instance = greeting.headers().firstValue("X-Vigil-Instance").orElseThrow();
        assertThat(instance).startsWith("local-");
        assertThat(app.get("/id").body()).isEqualTo(instance);
        assertThat(app.lines()).noneMatch(line -> line.startsWith("vigil-counter"));
    }

    @Test
    void startsWithinSecondsWithTheFastStartFlags() throws IOException {
        TestAppProcess app = start(CF_INSTANCE);

        // Generous, to hold on a loaded CI machine; the README of the package gives the measured figure.
        assertThat(app.startTime()).isLessThan(Duration.ofSeconds(10));
    }

    private TestAppProcess start(Map<String, String> variables) throws IOException {
        TestAppProcess app = TestAppProcess.start(jar, variables);
        started.add(app);
        return app;
    }
}
