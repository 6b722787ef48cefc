package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;
import vigil.sim.TestFaults;

/**
 * The {@code @ssh} scenarios through the real command line: all pass on a sound embedded CF, and on one broken in
 * every way they check at once (shells without the instance's environment, reusable codes, SSH allowed although
 * disabled, authorization off, port forwards refused), each fails, naming its own broken behaviour on the console
 * and in {@code summary.json}.
 */
class SshScenariosTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCENARIOS = 7;

    @TempDir
    Path dir;

    @Test
    void everySshScenarioPassesOnASoundPlatform() throws IOException {
        Outcome outcome = run(faults -> { }, "sound");

        assertThat(outcome.run.exitCode()).as(outcome.run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(outcome.statuses()).as("statuses in %s", outcome.summary).hasSize(SCENARIOS)
                .allSatisfy((name, status) -> assertThat(status).as(name).isEqualTo("passed"));
    }

    @Test
    void everySshScenarioFailsOnAPlatformBrokenItsWay() throws IOException {
        Outcome outcome = run(faults -> faults.sshWithoutInstanceEnvironment(true).sshCodesReusable(true)
                .sshAllowedWhenDisabled(true).authorizationOff(true).sshPortForwardingRefused(true), "broken");

        assertThat(outcome.run.exitCode()).as(outcome.run.toString()).isEqualTo(ExitCode.FAILED);
        outcome.assertFailed("A command runs in the chosen instance, with that instance's environment",
                "stdout of the command: the instance's index");
        outcome.assertFailed("An interactive shell runs what is typed, in the instance",
                "output of the shell: the instance's index");
        outcome.assertFailed("A one-time SSH code logs in once only",
                "a second login with a one-time code that was already used");
        outcome.assertFailed("Example #1.1: SSH disabled for the app refuses the login",
                "while SSH is disabled for the app");
        outcome.assertFailed("Example #1.2: SSH disabled for the space refuses the login",
                "while SSH is disabled for the space");
        outcome.assertFailed("A user without a developer role in the space cannot SSH into its apps",
                "by a space auditor, who may not change the space's apps");
        outcome.assertFailed("A local port forward reaches the app inside the chosen instance",
                "GET /index through the SSH port forward");
    }

    private Outcome run(Consumer<TestFaults> faults, String name) throws IOException {
        try (Sim sim = Sim.start(SimOptions.defaults())) {
            faults.accept(sim.testFaults());
            Path config = dir.resolve(name + ".yml");
            sim.writeConfig(config);
            Path reports = dir.resolve(name);
            CommandLineRun run = CommandLineRun.of("run", "--config", config.toString(), "--suites", "acceptance",
                    "--tags", "@ssh", "--parallel", "4", "--timeout-scale", "0.1", "--no-html",
                    "--reports", reports.toString());
            return new Outcome(run, JSON.readTree(reports.resolve("summary.json").toFile()));
        }
    }

    private record Outcome(CommandLineRun run, JsonNode summary) {

        Map<String, String> statuses() {
            Map<String, String> statuses = new LinkedHashMap<>();
            summary.path("scenarios").forEach(s -> statuses.put(s.path("name").asText(), s.path("status").asText()));
            return statuses;
        }

        void assertFailed(String scenario, String errorPart) {
            JsonNode found = null;
            for (JsonNode s : summary.path("scenarios")) {
                if (s.path("name").asText().equals(scenario)) {
                    found = s;
                }
            }
            assertThat(found).as("scenario '%s' in %s", scenario, summary).isNotNull();
            assertThat(found.path("status").asText()).as("status of '%s'", scenario).isEqualTo("failed");
            assertThat(found.path("error").asText()).as("summary.json error of '%s'", scenario).contains(errorPart);
            assertThat(run.out()).as("console output").contains(errorPart);
        }
    }
}
