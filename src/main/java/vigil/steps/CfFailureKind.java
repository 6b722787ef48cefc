package vigil.steps;

import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import vigil.availability.ProbeOutcome;
import vigil.cf.AppStartFailedException;
import vigil.cf.CfApiException;
import vigil.cf.StagingFailedException;
import vigil.cf.TargetUnreachableException;

/**
 * Names a failed CF call as an availability probe reports it: short and stable, so outages count kinds and
 * known-error patterns can match them ({@code CF-ServiceUnavailable}, {@code unreachable}, {@code staging_failed}).
 */
final class CfFailureKind {
    private CfFailureKind() {
    }

    static String of(RuntimeException e) {
        if (e instanceof CfApiException api) {
            return api.title();
        }
        if (e instanceof TargetUnreachableException) {
            return "unreachable";
        }
        if (e instanceof StagingFailedException) {
            return "staging_failed";
        }
        if (e instanceof AppStartFailedException) {
            return "start_failed";
        }
        if (e instanceof ConditionTimeoutException) {
            return "wait_timeout";
        }
        return "error_" + e.getClass().getSimpleName();
    }

    /**
     * A probe's CF call: its outcome, or the failure it ended in when the API answered with an error (its status
     * and CF error title) or could not be reached.
     */
    static ProbeOutcome outcomeOf(Supplier<ProbeOutcome> call) {
        try {
            return call.get();
        } catch (CfApiException e) {
            return ProbeOutcome.failure(e.status(), of(e), null);
        } catch (TargetUnreachableException e) {
            return ProbeOutcome.failure(null, of(e), null);
        }
    }
}
