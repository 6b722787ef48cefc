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
import vigil.sim.SimStatus;
import vigil.sim.TestFaults;

/**
 * Every acceptance group can fail: run against an embedded CF broken in the group's way (one of
 * {@link TestFaults}), the group's scenario fails, and its error names the broken behaviour, both on the
 * console and in {@code summary.json}. The control run shows the same selections pass on a sound CF, so the
 * failures come from the fault and nothing else.
 */
class AcceptanceCatchesBrokenPlatformTest {
    /** Waits for what a broken CF never does end after 18 s instead of 3 min; the sim's apps start in seconds. */
    private static final String TIMEOUT_SCALE = "0.1";

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
    void routingCatchesARouterThatIgnoresUnmapping() throws IOException {
        SimScenarioRun outcome = runAgainstBrokenSim(faults -> faults.routerIgnoresUnmapping(true), "@routing and @unmap");

        outcome.assertOneFailure("An unmapped route stops answering while the other keeps working",
                "Condition with alias 'the unmapped route", "to answer 404");
    }

    @Test
    void appsCatchEnvironmentVariablesThatDoNotReachTheApp() throws IOException {
        SimScenarioRun outcome = runAgainstBrokenSim(faults -> faults.appEnvironmentLeftOut(true), "@apps and @env");

        outcome.assertOneFailure("An environment variable set on the app is seen by the app after a restart",
                "VIGIL_GREETING", "set on the app must reach the app");
    }

    @Test
    void detectCatchesStagingThatAcceptsAnyBits() throws IOException {
        SimScenarioRun outcome = runAgainstBrokenSim(faults -> faults.stagingAcceptsAnyBits(true), "@detect");

        outcome.assertOneFailure("Bits that no buildpack detects fail staging with the reason and never start",
                "staging of bits without a Java main class must fail");
    }

    @Test
    void tasksCatchAnIgnoredExitStatus() throws IOException {
        SimScenarioRun outcome = runAgainstBrokenSim(faults -> faults.taskExitStatusIgnored(true), "@tasks and @exit-status");

        outcome.assertOneFailure("A failing command ends the task FAILED with the reason",
                "must end FAILED");
    }

    @Test
    void deploymentsCatchARolloutThatStopsOldInstancesFirst() throws IOException {
        SimScenarioRun outcome = runAgainstBrokenSim(faults -> faults.deploymentsStopOldInstancesFirst(true),
                "@deployments and @zero-downtime");

        outcome.assertOneFailure("A rolling deployment of a new droplet fails no request and switches versions",
                "failed requests among", "during the rolling deployment");
    }

    @Test
    void servicesCatchBindingsMissingFromVcapServices() throws IOException {
        SimScenarioRun outcome = runAgainstBrokenSim(faults -> faults.bindingsLeftOutOfVcapServices(true),
                "@services and @user-provided");

        outcome.assertOneFailure("A bound user-provided service appears in VCAP_SERVICES with its credentials, "
                + "and goes when unbound", "VCAP_SERVICES in the app has no user-provided instance named");
    }

    @Test
    void isolationCatchesAuthorizationTurnedOff() throws IOException {
        SimScenarioRun outcome = runAgainstBrokenSim(faults -> faults.authorizationOff(true), "@isolation and @space-boundary");

        outcome.assertOneFailure("A space developer works in their space and cannot see or create beyond it",
                "GET of an app in a space the developer has no role in must fail");
    }

    @Test
    void manifestsCatchIgnoredInstances() throws IOException {
        SimScenarioRun outcome = runAgainstBrokenSim(faults -> faults.manifestInstancesIgnored(true), "@manifests");

        outcome.assertOneFailure("A manifest sets instances, environment and routes",
                "instances of the web process after the manifest giving it 2 was applied");
    }

    @Test
    void theSameSelectionsPassOnASoundPlatform() throws IOException {
        SimScenarioRun outcome = runAgainstBrokenSim(faults -> { }, "(@routing and @unmap) or (@tasks and @exit-status)");

        assertThat(outcome.run().exitCode()).as(outcome.run().toString()).isEqualTo(ExitCode.PASSED);
        assertThat(outcome.scenarios()).extracting(scenario -> scenario.path("status").asText())
                .as("statuses in %s", outcome.summary()).containsExactly("passed", "passed");
    }

    // managed services, brokers, route services, sharing (issue 11): one run with every fault on at once

    private static final String MANAGED_SERVICES = "@managed-services or @route-services";

    @Test
    void managedServicesRouteServicesAndSharingPassOnASoundPlatform() throws IOException {
        SimScenarioRun outcome = runAgainstBrokenSim(faults -> { }, MANAGED_SERVICES, "1");

        assertThat(outcome.run().exitCode()).as(outcome.run().toString()).isEqualTo(ExitCode.PASSED);
        assertThat(outcome.scenarios()).as("scenarios in %s", outcome.summary()).hasSize(8)
                .allSatisfy(scenario -> assertThat(scenario.path("status").asText()).isEqualTo("passed"));
        for (String left : List.of("service_brokers", "service_instances", "service_bindings", "organizations")) {
            assertThat(SimStatus.count(sim, left)).as("%s in the embedded CF after the run", left).isZero();
        }
    }

    @Test
    void managedServicesRouteServicesAndSharingEachCatchTheirBreakage() throws IOException {
        SimScenarioRun outcome = runAgainstBrokenSim(faults -> faults.brokerPlansShownPublic(true)
                .asyncProvisionReportedDoneAtOnce(true).managedCredentialsLeftOutOfVcapServices(true)
                .unbindWithoutCatalogIds(true).brokerErrorDescriptionDropped(true).routeServicesBypassed(true)
                .sharingIgnored(true), MANAGED_SERVICES, "1");

        assertThat(outcome.run().exitCode()).as(outcome.run().toString()).isEqualTo(ExitCode.FAILED);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("A space-scoped broker's catalog becomes offerings and plans visible in its space only",
                "visibility_type of plan");
        expected.put("An asynchronous provision stays in progress until the broker says it succeeded",
                "right after the 202");
        expected.put("An app bound to a managed instance reads the broker's credentials in VCAP_SERVICES",
                "in VCAP_SERVICES (the broker gave");
        expected.put("A service key gets its credentials from the broker and is deleted at the broker",
                "deleting service key");
        expected.put("A broker that fails to provision leaves the instance failed, with the broker's description",
                "description of the failed create");
        expected.put("A route service sees a route's requests and forwards them to the app",
                "X-Vigil-Route-Service header of the answer");
        expected.put("A route service offered by a broker sees a bound route's requests and forwards them to the app",
                "X-Vigil-Route-Service header of the answer");
        expected.put("A managed instance shared to a second space is listed there until it is unshared",
                "service instances CF lists in the space");
        expected.forEach((scenario, part) -> outcome.assertFailed(scenario, part));
    }

    private SimScenarioRun runAgainstBrokenSim(Consumer<TestFaults> fault, String tags) throws IOException {
        return runAgainstBrokenSim(fault, tags, TIMEOUT_SCALE);
    }

    private SimScenarioRun runAgainstBrokenSim(Consumer<TestFaults> fault, String tags, String timeoutScale)
            throws IOException {
        sim = Sim.start(SimOptions.defaults());
        fault.accept(sim.testFaults());
        return SimScenarioRun.of(sim, dir, "acceptance", tags, 4, timeoutScale);
    }
}
