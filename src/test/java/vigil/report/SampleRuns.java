package vigil.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Run reports the tests share. */
final class SampleRuns {
    static final Instant STARTED = Instant.parse("2025-05-01T10:00:00Z");
    static final Instant FINISHED = Instant.parse("2025-05-01T10:02:30.250Z");

    private SampleRuns() {
    }

    /** Started 1 s into the run. */
    static ScenarioResult passed(Suite suite, String feature, String name, long millis) {
        return ranFor(suite, feature, name, ScenarioStatus.PASSED, millis, null);
    }

    /** Started 1 s into the run. */
    static ScenarioResult failed(Suite suite, String feature, String name, long millis, String error) {
        return ranFor(suite, feature, name, ScenarioStatus.FAILED, millis, error);
    }

    private static ScenarioResult ranFor(Suite suite, String feature, String name, ScenarioStatus status, long millis,
                                         String error) {
        Instant start = STARTED.plusSeconds(1);
        return new ScenarioResult(suite, feature, name, status, Duration.ofMillis(millis), error, List.of(), start,
                start.plusMillis(millis));
    }

    static ScenarioResult skipped(Suite suite, String feature, String name) {
        return new ScenarioResult(suite, feature, name, ScenarioStatus.SKIPPED, Duration.ZERO, null);
    }

    /** Smoke and acceptance selected, availability not; one smoke scenario failed. */
    static RunReport failedSmokeRun() {
        return new RunReport("r1a2b3", STARTED, FINISHED, Set.of(Suite.SMOKE, Suite.ACCEPTANCE),
                List.of(passed(Suite.SMOKE, "API", "The API answers", 1200),
                        failed(Suite.SMOKE, "Apps", "Push the app", 3400,
                                "expected status 200 but was 502\n\tat vigil.steps.AppSteps.push(AppSteps.java:42)"),
                        passed(Suite.ACCEPTANCE, "Routing", "Map a route", 2500),
                        skipped(Suite.ACCEPTANCE, "Tasks", "Run a task")),
                Verdict.FAILED, 1, null);
    }
}
