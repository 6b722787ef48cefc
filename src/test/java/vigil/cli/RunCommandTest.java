package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import vigil.availability.DuringCommand;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Drives {@code vigil run} end to end, in process, against the embedded CF. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    @Test
    void smokeSuitePassesAgainstTheEmbeddedCf() throws Exception {
        CommandLineRun run = CommandLineRun.of("run", "--sim", "--suites", "smoke", "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("schema").asText()).isEqualTo("vigil.summary/v1");
        assertThat(summary.path("verdict").asText()).isEqualTo("passed");
        assertThat(summary.path("exit_code").asInt()).isZero();
        assertThat(summary.path("suites").path("smoke").path("passed").asInt()).isEqualTo(8);
        assertThat(summary.path("suites").path("smoke").path("failed").asInt()).isZero();
        // Each scenario is placed in time within the run, so it can be lined up with an availability timeline.
        Instant started = Instant.parse(summary.path("started").asText());
        Instant finished = Instant.parse(summary.path("finished").asText());
        assertThat(summary.path("scenarios")).hasSize(8).allSatisfy(scenario -> {
            Instant start = Instant.parse(scenario.path("start").asText());
            Instant end = Instant.parse(scenario.path("end").asText());
            assertThat(start).as("start of %s", scenario).isBetween(started, end);
            assertThat(end).as("end of %s", scenario).isBeforeOrEqualTo(finished);
            assertThat(Duration.between(start, end).toMillis() / 1000.0).as("end - start of %s", scenario)
                    .isCloseTo(scenario.path("duration_s").asDouble(), within(0.003));
        });
        assertThat(reports.resolve("junit/smoke.xml")).isRegularFile();
        assertThat(reports.resolve("cucumber/report.html")).isRegularFile();
        assertThat(reports.resolve("cucumber/report.json")).isRegularFile();
        assertThat(reports.resolve("cucumber/messages.ndjson")).isRegularFile();
        assertThat(reports.resolve("allure-report/index.html")).isRegularFile();
        assertThat(Files.list(reports.resolve("allure-results")).count()).isPositive();
        assertThat(run.out()).contains("smoke").contains(reports.resolve("allure-report/index.html").toString());
    }

    @Test
    void aFailingFeatureFailsTheRunAndIsMarkedInJunitAndSummary() throws Exception {
        Path features = Paths.get(getClass().getResource("/features-failing").toURI());

        CommandLineRun run = CommandLineRun.of("run", "--sim", "--features", features.toString(), "--no-html",
                "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILED);
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("verdict").asText()).isEqualTo("failed");
        assertThat(summary.path("exit_code").asInt()).isEqualTo(1);
        assertThat(summary.path("suites").path("smoke").path("failed").asInt()).isEqualTo(1);
        assertThat(summary.path("suites").path("smoke").path("passed").asInt()).isEqualTo(1);
        JsonNode failed = null;
        for (JsonNode scenario : summary.path("scenarios")) {
            if (scenario.path("status").asText().equals("failed")) {
                failed = scenario;
            }
        }
        assertThat(failed).isNotNull();
        assertThat(failed.path("name").asText()).isEqualTo("The platform is newer than it is");
        assertThat(failed.path("error").asText()).contains("999.0.0");

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("junit/smoke.xml").toFile());
        NodeList failures = junit.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element testcase = (Element) failures.item(0).getParentNode();
        assertThat(testcase.getAttribute("name")).isEqualTo("The platform is newer than it is");
    }

    @Test
    void aDuringCommandThatDoesNotExistEndsTheRunWithFourAndIsRecorded() throws Exception {
        String command = "echo deploying; vigil-no-such-deploy-command --now";
        CommandLineRun run = CommandLineRun.of("run", "--sim", "--suites", "availability", "--tags", "not @sim and not @ha",
                "--during", command, "--no-html", "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.DURING_FAILED);
        assertThat(run.err()).as(run.toString()).contains("was not found (sh exit 127)").doesNotContain("\tat ");
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("during").path("command").asText()).isEqualTo(command);
        assertThat(summary.path("during").path("exit_code").asInt()).isEqualTo(DuringCommand.NOT_FOUND);
        assertThat(Files.readString(reports.resolve("during.log"))).contains("deploying").contains("not found");
        assertThat(reports.resolve("availability")).isDirectoryContaining("glob:**.csv");
    }

    @Test
    void aDurationMeasuresAFixedTimeAndTheReadyFileIsWrittenOnceProbesAreLive() throws Exception {
        Path ready = reports.resolve("probes.ready");
        CommandLineRun run = CommandLineRun.of("run", "--sim", "--suites", "availability", "--tags", "not @sim and not @ha",
                "--duration", "3s", "--ready-file", ready.toString(), "--no-html", "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(ready).isRegularFile();
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        JsonNode app = summary.path("availability").path(0);
        assertThat(app.path("samples").asInt()).as("about 3 s of samples at 10 Hz").isBetween(20, 60);
    }

    @Test
    void duringAndDurationTogetherAreAUsageError() {
        CommandLineRun run = CommandLineRun.of("run", "--sim", "--during", "true", "--duration", "1m",
                "--reports", reports.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--during").contains("--duration");
    }

    @Test
    void missingConfigFileExitsWithUsageErrorNamingIt() {
        CommandLineRun run = CommandLineRun.of("run", "--config", "/no/such.yml", "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("/no/such.yml").doesNotContain("Exception");
    }

    @Test
    void unreachableApiExitsWithSetupFailureWithinSeconds() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = Map.of("CF_API", "http://127.0.0.1:" + closedPort, "CF_APPS_DOMAIN", "apps.example.com",
                "CF_USERNAME", "admin", "CF_PASSWORD", "secret-password-1");
        long start = System.nanoTime();

        CommandLineRun run = CommandLineRun.of(env, "run", "--suites", "smoke", "--reports", reports.toString());

        // A few seconds when the machine is idle; the bound leaves room for a loaded CI machine, and is far
        // below what a hang on connect or read timeouts would take.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SETUP_FAILED);
        assertThat(run.err()).contains("127.0.0.1:" + closedPort).doesNotContain("secret-password-1");
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("verdict").asText()).isEqualTo("error");
        assertThat(summary.path("exit_code").asInt()).isEqualTo(3);
    }

    @Test
    void badTagExpressionIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("run", "--sim", "--tags", "@smoke and (", "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--tags");
    }

    @Test
    void unknownSuiteIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("run", "--sim", "--suites", "smoke,smokey", "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("smokey");
    }

    @Test
    void aSelectionMatchingNothingIsAUsageErrorAndRunsNothing() {
        CommandLineRun run = CommandLineRun.of("run", "--sim", "--tags", "@no-such-tag", "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no scenario matches");
        assertThat(reports.resolve("summary.json")).doesNotExist();
    }
}
