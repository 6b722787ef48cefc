package vigil.launch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vigil.report.ScenarioResult;

/**
 * How a run went.
 *
 * @param setupFailure what kept the scenarios from running (target unreachable, login refused), if anything
 * @param aborted      the run was stopped by a signal; {@code scenarios} holds those finished by then
 */
public record RunOutcome(String runId, Instant started, Instant finished, List<ScenarioResult> scenarios,
                         Optional<RuntimeException> setupFailure, boolean aborted) {
    public RunOutcome {
        scenarios = List.copyOf(scenarios);
    }
}
