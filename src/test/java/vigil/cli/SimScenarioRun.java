package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vigil.sim.Sim;

/**
 * One {@code vigil run} through the real command line against an embedded CF the test started (sound, or broken
 * by {@link vigil.sim.TestFaults}): its console output and exit code, and the {@code summary.json} it wrote. The
 * tests showing that each acceptance group passes on a sound CF and fails on one broken its way read their
 * outcomes through it.
 */
record SimScenarioRun(CommandLineRun run, JsonNode summary) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Runs the selected scenarios against {@code sim} (its config and the reports go under {@code dir}), without
     * the HTML report, which none of these checks reads.
     *
     * @param timeoutScale below 1 where waits for what a broken CF never does should end sooner
     */
    static SimScenarioRun of(Sim sim, Path dir, String suites, String tags, int parallel, String timeoutScale)
            throws IOException {
        Path config = dir.resolve("sim.yml");
        sim.writeConfig(config);
        Path reports = dir.resolve("reports");
        CommandLineRun run = CommandLineRun.of("run", "--config", config.toString(), "--suites", suites,
                "--tags", tags, "--parallel", Integer.toString(parallel), "--timeout-scale", timeoutScale,
                "--no-html", "--reports", reports.toString());
        return new SimScenarioRun(run, JSON.readTree(reports.resolve("summary.json").toFile()));
    }

    List<JsonNode> scenarios() {
        List<JsonNode> scenarios = new ArrayList<>();
        summary.path("scenarios").forEach(scenarios::add);
        return scenarios;
    }

    /** Each scenario's status by name, in the order of summary.json. */
    Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        scenarios().forEach(s -> statuses.put(s.path("name").asText(), s.path("status").asText()));
        return statuses;
    }

    /** The run passed (exit 0) with exactly {@code count} scenarios, every one passed. */
    void assertAllPassed(int count) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(statuses()).as("statuses in %s", summary).hasSize(count)
                .allSatisfy((name, status) -> assertThat(status).as(name).isEqualTo("passed"));
    }

    /**
     * The run failed (exit 1) and the named scenario with it; its error in summary.json names every given part,
     * and the console shows the first (the console prints an error's first line).
     */
    void assertFailed(String scenario, String... errorParts) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILED);
        JsonNode found = scenarios().stream().filter(s -> s.path("name").asText().equals(scenario)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario '" + scenario + "' in " + summary));
        assertThat(found.path("status").asText()).as("status of '%s' in %s", scenario, summary).isEqualTo("failed");
        for (String part : errorParts) {
            assertThat(found.path("error").asText()).as("summary.json error of '%s'", scenario).contains(part);
        }
        assertThat(run.out()).as("console output").contains(errorParts[0]);
    }

    /** As {@link #assertFailed}, and no other scenario failed. */
    void assertOneFailure(String scenario, String... errorParts) {
        assertFailed(scenario, errorParts);
        assertThat(statuses().entrySet()).as("statuses in %s", summary)
                .filteredOn(status -> status.getValue().equals("failed")).extracting(Map.Entry::getKey)
                .containsExactly(scenario);
    }
}
