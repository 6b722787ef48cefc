package vigil.launch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vigil.report.AvailabilityResult;
import vigil.report.DuringResult;
import vigil.report.ScenarioResult;

/**
 * How a run went.
 *
 * @param setupFailure what kept the scenarios from running (target unreachable, login refused), if anything
 * @param aborted      the run was stopped by a signal; {@code scenarios} holds those finished by then
 * @param availability what the availability scenarios measured
 * @param during       the {@code --during} command's run, or {@code null}
 */
public record RunOutcome(String runId, Instant started, Instant finished, List<ScenarioResult> scenarios,
                         Optional<RuntimeException> setupFailure, boolean aborted, List<AvailabilityResult> availability,
                         DuringResult during) {
    public RunOutcome {
        scenarios = List.copyOf(scenarios);
        availability = List.copyOf(availability);
    }

    RunOutcome(String runId, Instant started, Instant finished, List<ScenarioResult> scenarios,
               Optional<RuntimeException> setupFailure, boolean aborted) {
        this(runId, started, finished, scenarios, setupFailure, aborted, List.of(), null);
    }
}
