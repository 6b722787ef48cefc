package vigil.cf;

import java.time.Instant;

/** One line of an app's log, e.g. source type {@code APP/PROC/WEB} from instance {@code 0}. */
public record AppLogLine(Instant timestamp, String sourceType, String instanceId, boolean stderr, String text) {

    @Override
    public String toString() {
        return timestamp + " [" + sourceType + "/" + instanceId + "] " + (stderr ? "ERR " : "OUT ") + text;
    }
}
