package vigil.cli;

import java.util.List;
import java.util.Optional;
import vigil.cf.AuthenticationException;
import vigil.cf.CfApiException;
import vigil.cf.TargetUnreachableException;
import vigil.config.ConfigException;
import vigil.launch.RunOutcome;
import vigil.launch.SelectionException;
import vigil.report.AvailabilityResult;
import vigil.report.DuringResult;
import vigil.report.MergedRuns;
import vigil.report.ScenarioResult;
import vigil.report.ScenarioStatus;
import vigil.report.ShardRun;
import vigil.report.Summary;
import vigil.report.Verdict;

/** Vigil's exit codes (the README's table) and the one place that decides which one a run ends with. */
public final class ExitCode {
    /** All selected scenarios passed and every availability threshold held. */
    public static final int PASSED = 0;
    /** A scenario failed or a threshold was breached. */
    public static final int FAILED = 1;
    /** Usage or configuration error; nothing was run. */
    public static final int USAGE = 2;
    /** Target unreachable, authentication failed or setup failed. */
    public static final int SETUP_FAILED = 3;
    /** The {@code --during} command failed; its own exit code is in summary.json. */
    public static final int DURING_FAILED = 4;
    /** Stopped by SIGINT (128 + 2). */
    public static final int INTERRUPTED = 130;
    /** Stopped by SIGTERM (128 + 15). */
    public static final int TERMINATED = 143;

    private ExitCode() {
    }

    /** The exit code for an error that ended a command before or instead of a run. */
    static int of(Throwable error) {
        if (error instanceof ConfigException || error instanceof SelectionException
                || error instanceof UsageException) {
            return USAGE;
        }
        if (error instanceof TargetUnreachableException || error instanceof AuthenticationException
                || error instanceof CfApiException) {
            return SETUP_FAILED;
        }
        return SETUP_FAILED;
    }

    /** The exit code of a run that was not stopped by a signal (the signal handler knows its own code). */
    static int of(RunOutcome outcome) {
        return of(outcome, false);
    }

    /** As {@link #of(RunOutcome)}; with {@code failOnFlaky} a scenario that passed only on a rerun fails the run. */
    static int of(RunOutcome outcome, boolean failOnFlaky) {
        if (outcome.setupFailure().isPresent()) {
            return of(outcome.setupFailure().get());
        }
        return ofResults(outcome.scenarios(), outcome.availability(), outcome.during(), failOnFlaky);
    }

    /**
     * The exit code of runs merged into one ({@code vigil merge}): a part that was stopped, or ended in error,
     * decides it as it would have decided a single run; otherwise the rules of a single run apply to all the
     * parts' scenarios, probes and {@code --during} command together.
     */
    static int of(MergedRuns merged) {
        Optional<ShardRun> stopped = merged.firstWith(Verdict.ABORTED);
        if (stopped.isEmpty()) {
            stopped = merged.firstWith(Verdict.ERROR);
        }
        if (stopped.isPresent()) {
            Summary summary = stopped.get().summary();
            // A summary's code and verdict agree unless it was edited; the verdict is the safer of the two.
            return verdict(summary.exitCode()) == summary.verdict() ? summary.exitCode()
                    : summary.verdict() == Verdict.ABORTED ? TERMINATED : SETUP_FAILED;
        }
        return ofResults(merged.scenarios(), merged.availability(), merged.during(), false);
    }

    /**
     * A run that was carried out: its --during command, scenarios and availability probes decide; with
     * {@code failOnFlaky} a scenario that passed only on a rerun counts as failed.
     */
    private static int ofResults(List<ScenarioResult> scenarios, List<AvailabilityResult> availability,
                                 DuringResult during, boolean failOnFlaky) {
        if (during != null && during.exitCode() != null && during.exitCode() != 0) {
            return DURING_FAILED;
        }
        boolean anyFailed = scenarios.stream().anyMatch(s -> s.status() == ScenarioStatus.FAILED
                || (failOnFlaky && s.status() == ScenarioStatus.FLAKY));
        boolean breached = availability.stream().anyMatch(a -> !a.passed());
        return anyFailed || breached ? FAILED : PASSED;
    }

    static Verdict verdict(int exitCode) {
        return switch (exitCode) {
            case PASSED -> Verdict.PASSED;
            case FAILED, DURING_FAILED -> Verdict.FAILED;
            case INTERRUPTED, TERMINATED -> Verdict.ABORTED;
            default -> Verdict.ERROR;
        };
    }
}
