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

    static ScenarioResult passed(Suite suite, String feature, String name, long millis) {
        return new ScenarioResult(suite, feature, name, ScenarioStatus.PASSED, Duration.ofMillis(millis), null);
    }

    static ScenarioResult failed(Suite suite, String feature, String name, long millis, String error) {
        return new ScenarioResult(suite, feature, name, ScenarioStatus.FAILED, Duration.ofMillis(millis), error);
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
