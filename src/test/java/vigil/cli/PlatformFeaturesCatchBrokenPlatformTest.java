package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;
import vigil.sim.TestFaults;

/**
 * The app platform scenarios ({@code @v3 @sidecars @revisions @canary}: multi-process apps, readiness and http
 * health checks, sidecars, revisions, canary and max_in_flight) pass on a sound embedded CF, and each fails,
 * naming what broke, on one that is broken its way. Every fault breaks only its own scenario, so all of them are
 * on in one run (two CLI runs in all, to keep the build short).
 */
class PlatformFeaturesCatchBrokenPlatformTest {
    private static final String TAGS = "@v3 or @sidecars or @revisions or @canary";
    /** Waits for what a broken CF never does end after a tenth of their time; the sim's apps start in seconds. */
    private static final String BROKEN_TIMEOUT_SCALE = "0.1";
    /** A sound CF ends no wait by timing out, so its run takes no longer with full timeouts, and rides out load. */
    private static final String SOUND_TIMEOUT_SCALE = "1";

    /** Each scenario and what its error must say when its fault is on. */
    private static final Map<String, List<String>> FAILURES = new LinkedHashMap<>();

    static {
        FAILURES.put("A Procfile's worker process runs beside the web process and scales on its own",
                List.of("ticks of 2 worker instances"));
        FAILURES.put("An instance failing its readiness check leaves the routes without a restart, and comes back",
                List.of("routable: false while its readiness check fails"));
        FAILURES.put("An http health check on a path the app does not serve keeps the app from running until fixed",
                List.of("RUNNING for 6 s while its http health check endpoint answers 404"));
        FAILURES.put("A sidecar runs in each instance beside the app and comes back when the instance restarts",
                List.of("sidecar heartbeat writing its file in instance 0"));
        FAILURES.put("A sidecar that exits takes its instance down, and CF restarts both",
                List.of("to be RUNNING again with a new GUID"));
        FAILURES.put("Rolling back to an earlier revision deploys its droplet and the app serves the old version again",
                List.of("version the app answers", "\"v1\""));
        FAILURES.put("Rolling back to an earlier revision restores its environment variables",
                List.of("GET /env/VIGIL_GREETING after the rollback to a revision without it"));
        FAILURES.put("A canary deployment pauses with one new instance beside the old ones, and continue finishes it",
                List.of("instances answering v2 during the paused canary"));
        FAILURES.put("A deployment with max_in_flight 2 replaces two instances at a time, never more",
                List.of("most new instances starting at once"));
        FAILURES.put("Cancelling a paused canary returns every instance to the old version",
                List.of("version after the deployment", "\"v1\""));
    }

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
    void everyPlatformScenarioPassesOnASoundPlatform() throws IOException {
        SimScenarioRun outcome = run(faults -> { }, SOUND_TIMEOUT_SCALE);

        outcome.assertAllPassed(FAILURES.size());
        assertThat(outcome.statuses()).containsOnlyKeys(FAILURES.keySet());
    }

    @Test
    void eachPlatformScenarioFailsOnAPlatformBrokenItsWay() throws IOException {
        SimScenarioRun outcome = run(faults -> faults.nonWebProcessesNotRun(true)
                .readinessChecksIgnored(true)
                .httpHealthCheckEndpointIgnored(true)
                .sidecarsNotRestartedWithInstance(true)
                .sidecarExitIgnored(true)
                .rollbackDeploysCurrentDroplet(true)
                .rollbackKeepsEnvironment(true)
                .canaryReplacesEveryInstance(true)
                .maxInFlightIgnored(true)
                .canaryCancelKeepsNewInstances(true), BROKEN_TIMEOUT_SCALE);

        assertThat(outcome.statuses()).as("statuses in %s", outcome.summary()).containsOnlyKeys(FAILURES.keySet());
        FAILURES.forEach((scenario, parts) -> outcome.assertFailed(scenario, parts.toArray(String[]::new)));
    }

    private SimScenarioRun run(Consumer<TestFaults> fault, String timeoutScale) throws IOException {
        sim = Sim.start(SimOptions.defaults());
        fault.accept(sim.testFaults());
        return SimScenarioRun.of(sim, dir, "acceptance", TAGS, 4, timeoutScale);
    }
}
