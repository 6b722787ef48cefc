package vigil.cli;

import java.net.ConnectException;
import java.nio.file.Path;
import vigil.cf.TargetUnreachableException;
import vigil.config.VigilConfig;
import vigil.sim.SimConfigFile;

/**
 * The one line a run that could not start shows. A config that {@code vigil sim --write-config} wrote, whose API
 * refuses connections, means that sim has stopped since: "connection refused" alone sends a newcomer looking for
 * a firewall.
 */
final class SetupFailureText {
    private SetupFailureText() {
    }

    /** @param configFile the run's {@code --config}, or {@code null} */
    static String of(Throwable failure, Path configFile, VigilConfig config) {
        if (failure instanceof TargetUnreachableException && configFile != null && refused(failure)
                && SimConfigFile.isWrittenBySim(configFile)) {
            return "the embedded CF at " + config.api() + " is not running (" + configFile + " was written by a"
                    + " `vigil sim` that has stopped since; start it with `make sim` or `vigil sim --write-config "
                    + configFile + "`, then run again)";
        }
        return ErrorText.of(failure);
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
