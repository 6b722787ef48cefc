package vigil.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One finished scenario, over all its attempts when failed scenarios were rerun ({@code --rerun-failed}).
 *
 * @param status      {@link ScenarioStatus#FLAKY} when it failed first and passed on a rerun
 * @param duration    the time of all its attempts together
 * @param error       the first failure's message, or {@code null} when it passed at once
 * @param rerunErrors the failure messages of the reruns that failed too, in order; empty when it was not rerun
 * @param start       when its first attempt started, or {@code null} when not known (a summary that lacks it)
 * @param end         when its last attempt ended, or {@code null} when not known
 */
public record ScenarioResult(Suite suite, String feature, String name, ScenarioStatus status,
                             Duration duration, String error, List<String> rerunErrors, Instant start, Instant end) {
    public ScenarioResult {
        rerunErrors = rerunErrors == null ? List.of() : List.copyOf(rerunErrors);
    }

    /** A scenario whose start and end are not known. */
    public ScenarioResult(Suite suite, String feature, String name, ScenarioStatus status,
                          Duration duration, String error, List<String> rerunErrors) {
        this(suite, feature, name, status, duration, error, rerunErrors, null, null);
    }

    /** A scenario that ran once, whose start and end are not known. */
    public ScenarioResult(Suite suite, String feature, String name, ScenarioStatus status, Duration duration,
                          String error) {
        this(suite, feature, name, status, duration, error, List.of());
    }

    /** How often the scenario ran: 1, or more when it was rerun after failing. */
    public int attempts() {
        return 1 + rerunErrors.size() + (status == ScenarioStatus.FLAKY ? 1 : 0);
    }

    /** The failure messages of every attempt that failed, in order. */
    public List<String> failures() {
        if (error == null) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        all.add(error);
        all.addAll(rerunErrors);
        return List.copyOf(all);
    }
}
