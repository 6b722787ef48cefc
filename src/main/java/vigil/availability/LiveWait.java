package vigil.availability;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waits, bounded, until every probe of a measurement has had its first success. */
final class LiveWait {
    private static final Duration POLL = Duration.ofMillis(20);

    private LiveWait() {
    }

    static void await(Measurement measurement, Duration bound) throws ProbesNotLiveException {
        try {
            Awaitility.await("every probe's first successful check")
                    .atMost(bound)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(measurement::live);
        } catch (ConditionTimeoutException e) {
            String notLive = measurement.notLive();
            String advice = notLive.contains("(" + FailureKind.TLS_ERROR + ")")
                    ? ": the TLS certificate was refused; if it is a dev environment's self-signed one, skip TLS"
                    + " validation (skip_ssl_validation: true for vigil run, --skip-ssl-validation for vigil monitor)"
                    : ": is the target up, and the URL right?";
            throw new ProbesNotLiveException("no successful check within " + bound.toSeconds() + " s from "
                    + notLive + advice);
        }
    }
}
