package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The {@code @syslog} and {@code @logging} scenarios and the streaming-logs availability probe ({@code @log-stream})
 * pass on a sound embedded CF and each fails, saying why, on one broken in its own way: drains without octet
 * counting, stderr lines at severity info, drains getting the lines of every app in the space, log streams that deliver 5 lines and then only heartbeats (this one breaks the
 * streaming scenario and the probe), a log stream serving readers without a token. The faults are on at once in one run, so each scenario must fail
 * with its own message (console and summary.json), not with a neighbour's.
 */
class LogsCatchBrokenPlatformTest {
    private static final String TAGS = "@syslog or @logging or @log-stream";

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
    void syslogAndLoggingScenariosPassOnASoundPlatform() throws IOException {
        SimScenarioRun run = run(faults -> { }, "1.0");

        run.assertAllPassed(6);
        assertThat(run.statuses()).containsOnlyKeys(
                "Lines of an app that is not bound to the drain do not reach it",
                "Lines an app writes during a platform deploy arrive on its log stream",
                "An app's lines reach a bound syslog drain as octet-counted RFC 5424 messages naming the app",
                "Lines an app writes to stderr reach the drain with severity error",
                "Lines an app writes while its log is streamed arrive on the stream in order",
                "The log stream refuses a reader without a token");
    }

    @Test
    void eachScenarioFailsWithItsOwnMessageOnAPlatformBrokenItsWay() throws IOException {
        SimScenarioRun run = run(faults -> faults.syslogWithoutOctetCounting(true).syslogStderrAsInfo(true)
                .syslogDrainsWholeSpace(true)
                .logStreamLosesLines(true).logStreamWithoutToken(true), "0.25");

        run.assertFailed("An app's lines reach a bound syslog drain as octet-counted RFC 5424 messages naming the app",
                "the listener got the line without octet counting");
        run.assertFailed("Lines an app writes to stderr reach the drain with severity error",
                "PRI of the drained message", "expected for user.err");
        run.assertFailed("Lines of an app that is not bound to the drain do not reach it",
                "which is not bound to the drain, reached it");
        run.assertFailed("Lines an app writes while its log is streamed arrive on the stream in order",
                "the stream delivered");
        run.assertFailed("The log stream refuses a reader without a token",
                "the log stream's answer to a reader without a token (it streamed instead)");
        run.assertFailed("Lines an app writes during a platform deploy arrive on its log stream",
                "did not arrive on the log stream in time", "log_not_streamed");
    }

    /**
     * @param timeoutScale below 1 when waits for what a broken CF never does should end sooner (the log stream's 30 s
     *                     become 7.5 s); not lower, as the probes' first success on a busy machine is bounded by it too
     */
    private SimScenarioRun run(Consumer<TestFaults> fault, String timeoutScale) throws IOException {
        // Two cells: the availability scenario's platform deploy restarts one cell at a time, so fewer is quicker.
        sim = Sim.start(SimOptions.defaults().withCells(2));
        fault.accept(sim.testFaults());
        return SimScenarioRun.of(sim, dir, "acceptance,availability", TAGS, 4, timeoutScale);
    }
}
