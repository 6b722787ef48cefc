package vigil.cli;

import vigil.cf.AuthenticationException;
import vigil.cf.CfApiException;
import vigil.cf.TargetUnreachableException;
import vigil.config.ConfigException;
import vigil.launch.RunOutcome;
import vigil.launch.SelectionException;
import vigil.report.ScenarioStatus;
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
        if (outcome.during() != null && outcome.during().exitCode() != null && outcome.during().exitCode() != 0) {
            return DURING_FAILED;
        }
        boolean anyFailed = outcome.scenarios().stream().anyMatch(s -> s.status() == ScenarioStatus.FAILED
                || (failOnFlaky && s.status() == ScenarioStatus.FLAKY));
        boolean breached = outcome.availability().stream().anyMatch(a -> !a.passed());
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
