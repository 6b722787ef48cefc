package vigil.cli;


import java.io.IOException;
import java.nio.file.Path;
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
    private static final int SCENARIOS = 7;

    @TempDir
    Path dir;

    @Test
    void everySshScenarioPassesOnASoundPlatform() throws IOException {
        run(faults -> { }).assertAllPassed(SCENARIOS);
    }

    @Test
    void everySshScenarioFailsOnAPlatformBrokenItsWay() throws IOException {
        SimScenarioRun outcome = run(faults -> faults.sshWithoutInstanceEnvironment(true).sshCodesReusable(true)
                .sshAllowedWhenDisabled(true).authorizationOff(true).sshPortForwardingRefused(true));

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

    private SimScenarioRun run(Consumer<TestFaults> faults) throws IOException {
        try (Sim sim = Sim.start(SimOptions.defaults())) {
            faults.accept(sim.testFaults());
            return SimScenarioRun.of(sim, dir, "acceptance", "@ssh", 4, "0.1");
        }
    }
}
