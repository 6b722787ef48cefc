package vigil.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllureHtmlGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void generatesSelfContainedReportWithoutAnalyticsWithABehaviorsTab() throws IOException {
        Path results = resultsWithOneScenario();

        Path index = new AllureHtmlGenerator().generate(results, dir.resolve("allure-report"));

        assertThat(index).isEqualTo(dir.resolve("allure-report/index.html")).isRegularFile();
        try (var files = Files.list(dir.resolve("allure-report"))) {
            assertThat(files).as("the single file and the history a later run takes in, no log left behind")
                    .containsExactlyInAnyOrder(index, dir.resolve("allure-report/history"));
        }
        try (var history = Files.list(dir.resolve("allure-report/history"))) {
            assertThat(history).extracting(file -> file.getFileName().toString())
                    .contains("history.json", "history-trend.json");
        }
        assertOffline(Files.readString(index, StandardCharsets.UTF_8));
        assertBehaviorsTabAndTrendHint(Files.readString(index, StandardCharsets.UTF_8));
    }

    /** By suite, feature and scenario (epic, feature, story); an empty trend chart says how to get one. */
    private static void assertBehaviorsTabAndTrendHint(String html) throws IOException {
        JsonNode behaviors = new ObjectMapper().readTree(reportData(html, "data/behaviors.json"));
        JsonNode epic = behaviors.path("children").path(0);
        assertThat(epic.path("name").asText()).isEqualTo("smoke");
        JsonNode feature = epic.path("children").path(0);
        assertThat(feature.path("name").asText()).isEqualTo("Apps");
        assertThat(feature.path("children").path(0).path("name").asText()).isEqualTo("Push the app");
        JsonNode widget = new ObjectMapper().readTree(reportData(html, "widgets/behaviors.json"));
        assertThat(widget.path("items").path(0).path("name").asText()).isEqualTo("smoke");
        assertThat(widget.path("items").path(0).path("statistic").path("failed").asInt()).isEqualTo(1);
        assertThat(embeddedScripts(html)).contains("allure.api.addTab('behaviors'", "url: 'data/behaviors.json'",
                "run Vigil with --history DIR");
    }

    @Test
    void emptyResultsStillGiveAReport() throws IOException {
        Path results = Files.createDirectories(dir.resolve("allure-results"));

        Path index = new AllureHtmlGenerator().generate(results, dir.resolve("allure-report"));

        assertOffline(Files.readString(index, StandardCharsets.UTF_8));
    }

    @Test
    void missingResultsStillGiveAReport() throws IOException {
        Path index = new AllureHtmlGenerator().generate(dir.resolve("no-results"), dir.resolve("allure-report"));

        assertThat(index).isRegularFile();
    }

    @Test
    void childJvmHasAnalyticsOffAndTheSameClasspath() {
        ProcessBuilder child = new AllureHtmlGenerator().childJvm(dir.resolve("in"), dir.resolve("out"));

        assertThat(child.environment()).containsEntry("ALLURE_NO_ANALYTICS", "true");
        assertThat(child.command()).contains(System.getProperty("java.class.path"), AllureHtmlMain.class.getName(),
                dir.resolve("in").toString(), dir.resolve("out").toString());
    }

    /** The surefire JVM has ALLURE_NO_ANALYTICS set, so take it away to see what Allure does without it. */
    @Test
    void removesTagManagerFromAReportGeneratedWithAnalyticsOn() throws Exception {
        Path results = resultsWithOneScenario();
        Path out = dir.resolve("tracked");
        ProcessBuilder child = new AllureHtmlGenerator().childJvm(results, out).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        child.environment().remove("ALLURE_NO_ANALYTICS");
        Process process = child.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Path index = out.resolve("index.html");
        assertThat(Files.readString(index)).as("Allure's own output").contains("googletagmanager");

        AllureHtmlGenerator.removeAnalytics(index);

        assertOffline(Files.readString(index, StandardCharsets.UTF_8));
    }

    @Test
    void stopsAGenerationThatTakesTooLong() throws IOException {
        Path results = resultsWithOneScenario();

        assertThatThrownBy(() -> new AllureHtmlGenerator(Duration.ofMillis(1)).generate(results, dir.resolve("out")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not finish within")
                .hasMessageContaining(AllureHtmlGenerator.LOG_FILE);
        assertThat(dir.resolve("out/index.html")).doesNotExist();
    }

    /** A data file the single-file report carries, decoded: {@code d('data/behaviors.json','<base64>')}. */
    private static String reportData(String html, String name) {
        Matcher data = Pattern.compile("d\\('" + Pattern.quote(name) + "','([^']*)'\\)").matcher(html);
        assertThat(data.find()).as("report data " + name).isTrue();
        return new String(Base64.getDecoder().decode(data.group(1)), StandardCharsets.UTF_8);
    }

    /** Every script the page loads, decoded from its data: URL. */
    private static String embeddedScripts(String html) {
        Matcher script = Pattern.compile("<script src=\"data:text/javascript;base64,([^\"]*)\"").matcher(html);
        StringBuilder scripts = new StringBuilder();
        while (script.find()) {
            scripts.append(new String(Base64.getDecoder().decode(script.group(1)), StandardCharsets.UTF_8));
        }
        return scripts.toString();
    }

    private Path resultsWithOneScenario() throws IOException {
        Path results = Files.createDirectories(dir.resolve("allure-results"));
        long start = System.currentTimeMillis();
        // Roughly what allure-cucumber7-jvm writes for a failed scenario.
        new FileSystemResultsWriter(results).write(new TestResult()
                .setUuid(UUID.randomUUID().toString())
                .setHistoryId("smoke-push-app")
                .setName("Push the app")
                .setLabels(List.of(new Label().setName("epic").setValue("smoke"),
                        new Label().setName("feature").setValue("Apps"),
                        new Label().setName("story").setValue("Push the app")))
                .setFullName("Apps: Push the app")
                .setStatus(Status.FAILED)
                .setStatusDetails(new StatusDetails().setMessage("expected status 200 but was 502"))
                .setStart(start)
                .setStop(start + 3400));
        return results;
    }

    private static void assertOffline(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<script src=\"data:");
        assertThat(html).doesNotContain("googletagmanager", "gtag(", "G-FVWC4GKEYS", "dataLayer");
        // Scripts, styles and data are embedded as data: URLs and base64, which never contains a colon:
        // no "://" anywhere means nothing is loaded from anywhere.
        assertThat(html).doesNotContain("://");
    }
}
