package vigil.report;

import java.time.Duration;

/**
 * One finished scenario.
 *
 * @param error the failure message (first line of the cause) or {@code null} when it passed
 */
public record ScenarioResult(Suite suite, String feature, String name, ScenarioStatus status,
                             Duration duration, String error) {
}
