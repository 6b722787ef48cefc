package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vigil.sim.Sim;
import vigil.sim.SimOptions;

/**
 * {@code vigil run --rerun-failed K} against an embedded CF whose {@code GET /v3/info} fails on purpose (a test
 * fault): a scenario that fails once and passes on the rerun is reported flaky in summary.json, the JUnit XML
 * (Surefire's {@code flakyFailure}), Allure's results and on the console; one that fails every attempt stays
 * failed; and a gate told to fail on flakes fails.
 */
class RerunFailedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCENARIO = "The API answers and says where to log in";
    /** The smoke scenarios that push no app: one reads /v3/info, three do not. */
    private static final String TAGS = "@platform";

    @TempDir
    Path dir;
    private Sim sim;
    private Path config;

    @BeforeEach
    void startSim() throws IOException {
        sim = Sim.start(SimOptions.defaults());
        config = dir.resolve("sim.yml");
        sim.writeConfig(config);
    }

    @AfterEach
    void stopSim() {
        sim.close();
    }

    @Test
    void aScenarioThatPassesOnTheRerunIsReportedFlakyEverywhere() throws Exception {
        sim.testFaults().v3InfoFails(1);
        Path reports = dir.resolve("reports");

        CommandLineRun run = run(reports, "--rerun-failed", "2");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        JsonNode flaky = scenario(summary, SCENARIO);
        assertThat(flaky.path("status").asText()).as("%s", summary).isEqualTo("flaky");
        assertThat(flaky.path("attempts").asInt()).isEqualTo(2);
        assertThat(flaky.path("error").asText()).contains("500");
        assertThat(summary.path("suites").path("smoke").path("flaky").asInt()).isEqualTo(1);
        assertThat(summary.path("suites").path("smoke").path("failed").asInt()).isZero();
        assertThat(summary.path("suites").path("smoke").path("passed").asInt()).isEqualTo(3);
        assertThat(run.out()).contains("FLAKY").contains(SCENARIO).contains("passed on attempt 2");

        Element testcase = testcase(reports.resolve("junit/smoke.xml"), SCENARIO);
        assertThat(testcase.getElementsByTagName("failure").getLength()).isZero();
        NodeList flakyFailures = testcase.getElementsByTagName("flakyFailure");
        assertThat(flakyFailures.getLength()).isEqualTo(1);
        assertThat(((Element) flakyFailures.item(0)).getAttribute("message")).contains("500");

        List<JsonNode> allure = allureResults(reports, SCENARIO);
        // Allure calls a failure that is not an assertion "broken": an HTTP 500 is one.
        assertThat(allure).extracting(r -> r.path("status").asText()).containsExactly("broken", "passed");
        // The same history id is what makes Allure show the first attempt as a retry of the second.
        assertThat(allure).extracting(r -> r.path("historyId").asText()).containsOnly(allure.get(0).path("historyId").asText());
        JsonNode passed = allure.stream().filter(r -> r.path("status").asText().equals("passed")).findFirst()
                .orElseThrow();
        assertThat(passed.path("statusDetails").path("flaky").asBoolean()).as("%s", passed).isTrue();
        assertThat(reports.resolve("allure-report")).as("no HTML with --no-html").doesNotExist();
        assertThat(run.out()).contains("HTML report: not written");

        CommandLineRun gate = CommandLineRun.of("gate", "--summary", reports.resolve("summary.json").toString(),
                "--fail-on-flaky");
        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(gate.out()).contains("smoke: 1 scenario is flaky").contains(SCENARIO);
        assertThat(CommandLineRun.of("gate", "--summary", reports.resolve("summary.json").toString()).exitCode())
                .isEqualTo(ExitCode.PASSED);
    }

    @Test
    void aScenarioThatFailsEveryAttemptStaysFailed() throws Exception {
        sim.testFaults().v3InfoFails(Integer.MAX_VALUE);
        Path reports = dir.resolve("reports");

        CommandLineRun run = run(reports, "--rerun-failed", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILED);
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        JsonNode failed = scenario(summary, SCENARIO);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("attempts").asInt()).isEqualTo(2);
        assertThat(summary.path("suites").path("smoke").path("flaky").asInt()).isZero();
        Element testcase = testcase(reports.resolve("junit/smoke.xml"), SCENARIO);
        assertThat(testcase.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(testcase.getElementsByTagName("rerunFailure").getLength()).isEqualTo(1);
        assertThat(allureResults(reports, SCENARIO)).extracting(r -> r.path("status").asText())
                .containsExactly("broken", "broken");
    }

    @Test
    void badRerunCountsAreUsageErrors() {
        CommandLineRun negative = run(dir.resolve("r1"), "--rerun-failed", "-1");
        CommandLineRun word = run(dir.resolve("r2"), "--rerun-failed", "twice");

        assertThat(negative.exitCode()).as(negative.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(negative.err()).contains("--rerun-failed").doesNotContain("Exception");
        assertThat(word.exitCode()).as(word.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(word.err()).contains("--rerun-failed").contains("twice").doesNotContain("\tat ");
        assertThat(dir.resolve("r1")).doesNotExist();
    }

    private CommandLineRun run(Path reports, String... extra) {
        // Without the HTML: the flaky marks go into the Allure results, which are what is checked here.
        List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(), "--suites", "smoke",
                "--tags", TAGS, "--no-html", "--reports", reports.toString()));
        args.addAll(List.of(extra));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    private static JsonNode scenario(JsonNode summary, String name) {
        for (JsonNode scenario : summary.path("scenarios")) {
            if (scenario.path("name").asText().equals(name)) {
                return scenario;
            }
        }
        throw new AssertionError("no scenario '" + name + "' in " + summary);
    }

    private static Element testcase(Path junit, String name) throws Exception {
        NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile())
                .getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            if (testcase.getAttribute("name").equals(name)) {
                return testcase;
            }
        }
        throw new AssertionError("no testcase '" + name + "' in " + junit);
    }

    /** The scenario's Allure results, oldest first. */
    private static List<JsonNode> allureResults(Path reports, String name) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(reports.resolve("allure-results"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode result = JSON.readTree(file.toFile());
                if (result.path("name").asText().equals(name)) {
                    results.add(result);
                }
            }
        }
        results.sort((a, b) -> Long.compare(a.path("start").asLong(), b.path("start").asLong()));
        return results;
    }
}
