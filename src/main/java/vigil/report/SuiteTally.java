package vigil.report;

import java.time.Duration;
import java.util.List;

/** Counts of one suite, shared by summary.json, the JUnit XML and the console table so they agree. */
record SuiteTally(Suite suite, boolean selected, int passed, int failed, int skipped, int flaky, Duration duration) {

    static SuiteTally of(Suite suite, RunReport report) {
        List<ScenarioResult> scenarios = scenariosOf(suite, report);
        Duration total = scenarios.stream().map(ScenarioResult::duration).reduce(Duration.ZERO, Duration::plus);
        return new SuiteTally(suite, report.suites().contains(suite),
                count(scenarios, ScenarioStatus.PASSED), count(scenarios, ScenarioStatus.FAILED),
                count(scenarios, ScenarioStatus.SKIPPED), count(scenarios, ScenarioStatus.FLAKY), total);
    }

    static List<ScenarioResult> scenariosOf(Suite suite, RunReport report) {
        return report.scenarios().stream().filter(s -> s.suite() == suite).toList();
    }

    int total() {
        return passed + failed + skipped + flaky;
    }

    private static int count(List<ScenarioResult> scenarios, ScenarioStatus status) {
        return (int) scenarios.stream().filter(s -> s.status() == status).count();
    }
}
