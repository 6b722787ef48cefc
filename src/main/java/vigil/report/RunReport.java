package vigil.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything the reports of one run are made from.
 *
 * @param error    what stopped the run before or while scenarios ran ({@code null} if nothing did)
 * @param exitCode the process exit code the run ends with (see the README's table)
 */
public record RunReport(String runId, Instant started, Instant finished, Set<Suite> suites,
                        List<ScenarioResult> scenarios, Verdict verdict, int exitCode, String error) {
    public RunReport {
        suites = Set.copyOf(suites);
        scenarios = List.copyOf(scenarios);
    }
}
