package vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Allure writes for a scenario once Vigil's listeners (registered through META-INF/services, as in a run) have
 * laid it out: suite and behaviour labels, CF calls gathered under one step, timelines first.
 */
class AllureStepLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final AllureLifecycle before = Allure.getLifecycle();

    @AfterEach
    void restoreLifecycle() {
        Allure.setLifecycle(before);
    }

    @Test
    void callsAreGatheredUnderOneStepTimelinesComeFirstAndTheSuiteIsTheParentSuite() throws Exception {
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(dir));
        Allure.setLifecycle(lifecycle);
        String test = UUID.randomUUID().toString();
        // As allure-cucumber7-jvm schedules a scenario: tags, and the feature as both feature and suite.
        lifecycle.scheduleTestCase(new TestResult().setUuid(test).setName("An app stays up during a deploy")
                .setLabels(new ArrayList<>(List.of(label("tag", "availability"), label("tag", "sim"),
                        label("feature", "Apps stay up"), label("suite", "Apps stay up")))));
        lifecycle.startTestCase(test);
        String step = UUID.randomUUID().toString();
        lifecycle.startStep(step, new StepResult().setName("When the platform is deployed"));
        for (int call = 1; call <= 3; call++) {
            int n = call;
            AllureStepLayout.groupedStep("CF API calls", "GET /v3/apps/" + n + ": 200", () -> {
                lifecycle.addAttachment("Request " + n, "text/html", "html", bytes("request"));
                lifecycle.addAttachment("Response " + n, "text/html", "html", bytes("response"));
            });
        }
        lifecycle.addAttachment("log", "text/plain", "txt", bytes("a log line"));
        lifecycle.addAttachment("timeline app-http-1.svg", "image/svg+xml", "svg", bytes("<svg/>"));
        lifecycle.stopStep(step);
        lifecycle.stopTestCase(test);
        lifecycle.writeTestCase(test);

        JsonNode result = onlyResult();
        JsonNode deploy = result.path("steps").path(0);
        assertThat(deploy.path("steps")).hasSize(1);
        JsonNode calls = deploy.path("steps").path(0);
        assertThat(calls.path("name").asText()).isEqualTo("CF API calls (3)");
        assertThat(calls.path("status").asText()).isEqualTo("passed");
        assertThat(calls.path("steps")).extracting(s -> s.path("name").asText())
                .containsExactly("GET /v3/apps/1: 200", "GET /v3/apps/2: 200", "GET /v3/apps/3: 200");
        assertThat(calls.path("steps")).allSatisfy(call -> {
            assertThat(call.path("attachments")).hasSize(2);
            assertThat(call.path("parameters")).isEmpty();
        });
        assertThat(deploy.path("attachments")).extracting(a -> a.path("name").asText())
                .containsExactly("timeline app-http-1.svg", "log");
        assertThat(labels(result, "parentSuite")).containsExactly("availability");
        assertThat(labels(result, "suite")).containsExactly("Apps stay up");
        assertThat(labels(result, "subSuite")).isEmpty();
        assertThat(labels(result, "epic")).containsExactly("availability");
        assertThat(labels(result, "feature")).containsExactly("Apps stay up");
        assertThat(labels(result, "story")).containsExactly("An app stays up during a deploy");
    }

    @Test
    void aResultWithoutASuiteTagKeepsItsLabels() {
        TestResult result = new TestResult().setName("x")
                .setLabels(new ArrayList<>(List.of(label("tag", "routing"), label("suite", "Routes"))));

        new AllureLabels().beforeTestWrite(result);

        assertThat(result.getLabels()).extracting(Label::getName).containsExactly("tag", "suite");
    }

    private JsonNode onlyResult() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> results = files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList();
            assertThat(results).hasSize(1);
            return JSON.readTree(results.get(0).toFile());
        }
    }

    private static List<String> labels(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.path("labels").forEach(l -> {
            if (name.equals(l.path("name").asText())) {
                values.add(l.path("value").asText());
            }
        });
        return values;
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
