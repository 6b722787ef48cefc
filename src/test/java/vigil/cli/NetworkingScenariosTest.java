package vigil.cli;


import java.io.IOException;
import java.nio.file.Path;
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
        run(faults -> { }).assertAllPassed(7);
    }

    @Test
    void eachNetworkingScenarioCatchesItsOwnBreakage() throws IOException {
        SimScenarioRun scenarios = run(faults -> faults.tcpRouterOneAnswerPerConnection(true)
                .tcpRouterWithoutBalancing(true)
                .routerIgnoresUnmapping(true)
                .networkPoliciesNotEnforced(true)
                .internalRoutesOnPublicRouter(true)
                .tcpRouterStaleBackends(true));

        scenarios.assertFailed("Lines sent over a TCP route come back from the app",
                "echoes of 3 lines sent over one connection", "closed after 1 of 3 answers");
        scenarios.assertFailed("Connections to a TCP route are spread over the app's instances",
                "answered by every instance");
        scenarios.assertFailed("An unmapped TCP route stops carrying bytes",
                "no echo any more through the unmapped");
        scenarios.assertFailed("An app reaches another over an internal route only while a policy allows it",
                "app frontend failing to reach http://");
        scenarios.assertFailed("A policy lets in only its own source app",
                "app stranger failing to reach http://");
        scenarios.assertFailed("An internal route is not reachable from outside CF",
                "through the router at router_address");
        scenarios.assertFailed("A TCP route to an app with 2 instances stays up during a platform deploy",
                "answering for 2 s after the deploy");
    }

    private SimScenarioRun run(Consumer<TestFaults> faults) throws IOException {
        sim = Sim.start(SimOptions.defaults());
        faults.accept(sim.testFaults());
        return SimScenarioRun.of(sim, dir, "acceptance,availability", TAGS, 7, TIMEOUT_SCALE);
    }
}
