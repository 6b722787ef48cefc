package vigil.cf;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Awaits every instance of an app's web process RUNNING, and fails fast, with what an operator needs
 * (app GUID, each instance's state, the app's last output), as soon as one CRASHES.
 */
final class AppReadiness {
    private static final int LOG_LINES = 30;

    private final CfClient cf;

    AppReadiness(CfClient cf) {
        this.cf = cf;
    }

    List<InstanceStats> awaitRunning(App app, int instances) {
        AtomicReference<List<InstanceStats>> last = new AtomicReference<>(List.of());
        try {
            return Awaitility.await("all " + instances + " instances of app " + app.name() + " RUNNING")
                    .pollInSameThread()
                    .pollInterval(cf.timeouts().poll())
                    .atMost(cf.timeouts().start())
                    .until(() -> {
                        List<InstanceStats> stats = cf.processes().stats(app.guid());
                        last.set(stats);
                        if (stats.stream().anyMatch(s -> s.state().equals("CRASHED"))) {
                            throw failure(app, "an instance CRASHED", stats);
                        }
                        return stats;
                    }, stats -> stats.size() == instances && stats.stream().allMatch(s -> s.state().equals("RUNNING")));
        } catch (ConditionTimeoutException timeout) {
            throw failure(app, "not all instances RUNNING after " + cf.timeouts().start().toSeconds() + " s", last.get());
        }
    }

    private AppStartFailedException failure(App app, String what, List<InstanceStats> stats) {
        String states = stats.stream()
                .map(s -> "  #" + s.index() + " " + s.state() + (s.details() == null ? "" : " (" + s.details() + ")"))
                .collect(Collectors.joining("\n"));
        return new AppStartFailedException("app " + app.name() + " (guid " + app.guid() + "): " + what
                + "\ninstances:\n" + (states.isEmpty() ? "  (none reported)" : states)
                + "\nlast output:\n" + recentOutput(app));
    }

    private String recentOutput(App app) {
        try {
            List<AppLogLine> lines = cf.logCache().recent(app.guid(), LOG_LINES);
            return lines.isEmpty() ? "  (no output)" : lines.stream().map(line -> "  " + line)
                    .collect(Collectors.joining("\n"));
        } catch (RuntimeException unavailable) {
            return "  (could not read the app's logs: " + unavailable.getMessage() + ")";
        }
    }
}
