package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;
import vigil.sim.TestFaults;

/**
 * The {@code @tcp-routing} and {@code @container-networking} scenarios (acceptance, and the TCP route's
 * availability during a platform deploy) through the real command line: all pass on a sound embedded CF, and
 * against one broken in six ways at once each fails, naming what broke, on the console and in {@code summary.json}.
 */
class NetworkingScenariosTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAGS = "@tcp-routing or @container-networking";
    /**
     * Waits for what a broken CF never does end after 18 s instead of a minute; one request may take 3 s (an app's
     * first HttpClient call loads the JDK's HTTP client while eight app JVMs start on two cores).
     */
    private static final String TIMEOUT_SCALE = "0.3";

    @TempDir
    Path dir;
    private Sim sim;

    @AfterEach
    void stopSim() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void everyNetworkingScenarioPassesOnASoundPlatform() throws IOException {
        Map<String, JsonNode> scenarios = run(faults -> { });

        assertThat(scenarios).hasSize(7);
        scenarios.forEach((name, scenario) -> assertThat(scenario.path("status").asText())
                .as("%s: %s", name, scenario.path("error").asText()).isEqualTo("passed"));
    }

    @Test
    void eachNetworkingScenarioCatchesItsOwnBreakage() throws IOException {
        Map<String, JsonNode> scenarios = run(faults -> faults.tcpRouterOneAnswerPerConnection(true)
                .tcpRouterWithoutBalancing(true)
                .routerIgnoresUnmapping(true)
                .networkPoliciesNotEnforced(true)
                .internalRoutesOnPublicRouter(true)
                .tcpRouterStaleBackends(true));

        assertFailed(scenarios, "Lines sent over a TCP route come back from the app",
                "echoes of 3 lines sent over one connection", "closed after 1 of 3 answers");
        assertFailed(scenarios, "Connections to a TCP route are spread over the app's instances",
                "answered by every instance");
        assertFailed(scenarios, "An unmapped TCP route stops carrying bytes",
                "no echo any more through the unmapped");
        assertFailed(scenarios, "An app reaches another over an internal route only while a policy allows it",
                "app frontend failing to reach http://");
        assertFailed(scenarios, "A policy lets in only its own source app",
                "app stranger failing to reach http://");
        assertFailed(scenarios, "An internal route is not reachable from outside CF",
                "through the router at router_address");
        assertFailed(scenarios, "A TCP route to an app with 2 instances stays up during a platform deploy",
                "answering for 2 s after the deploy");
    }

    private CommandLineRun lastRun;

    private Map<String, JsonNode> run(Consumer<TestFaults> faults) throws IOException {
        sim = Sim.start(SimOptions.defaults());
        faults.accept(sim.testFaults());
        Path config = dir.resolve("sim.yml");
        sim.writeConfig(config);
        Path reports = dir.resolve("reports");
        lastRun = CommandLineRun.of("run", "--config", config.toString(), "--suites", "acceptance,availability",
                "--tags", TAGS, "--parallel", "7", "--timeout-scale", TIMEOUT_SCALE, "--no-html", "--reports", reports.toString());
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        JSON.readTree(reports.resolve("summary.json").toFile()).path("scenarios")
                .forEach(scenario -> byName.put(scenario.path("name").asText(), scenario));
        return byName;
    }

    private void assertFailed(Map<String, JsonNode> scenarios, String name, String... errorParts) {
        assertThat(lastRun.exitCode()).as(lastRun.toString()).isEqualTo(ExitCode.FAILED);
        JsonNode scenario = scenarios.get(name);
        assertThat(scenario).as("scenario '%s' in %s", name, scenarios.keySet()).isNotNull();
        assertThat(scenario.path("status").asText()).as("status of '%s'", name).isEqualTo("failed");
        for (String part : errorParts) {
            assertThat(scenario.path("error").asText()).as("summary.json error of '%s'", name).contains(part);
            assertThat(lastRun.out()).as("console output").contains(part);
        }
    }
}
