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
            throw new ProbesNotLiveException("no successful check within " + bound.toSeconds() + " s from "
                    + measurement.notLive() + ": is the target up, and the URL right?");
        }
    }
}
