package vigil.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything the reports of one run are made from.
 *
 * @param error        what stopped the run before or while scenarios ran ({@code null} if nothing did)
 * @param exitCode     the process exit code the run ends with (see the README's table)
 * @param availability one result per availability probe (empty when none ran)
 * @param during       the {@code --during} command, or {@code null} when none was given
 * @param shard        the part of the selection this run ran ({@code --shard}), or {@code null} for all of it
 * @param leftBehind   what the run created in the CF and could not remove, each naming the thing and why (empty
 *                     when everything went)
 */
public record RunReport(String runId, Instant started, Instant finished, Set<Suite> suites,
                        List<ScenarioResult> scenarios, Verdict verdict, int exitCode, String error,
                        List<AvailabilityResult> availability, DuringResult during, Shard shard,
                        List<String> leftBehind) {
    public RunReport {
        suites = Set.copyOf(suites);
        scenarios = List.copyOf(scenarios);
        availability = availability == null ? List.of() : List.copyOf(availability);
        leftBehind = leftBehind == null ? List.of() : List.copyOf(leftBehind);
    }

    /** A report of a run that left nothing behind in the CF. */
    public RunReport(String runId, Instant started, Instant finished, Set<Suite> suites,
                     List<ScenarioResult> scenarios, Verdict verdict, int exitCode, String error,
                     List<AvailabilityResult> availability, DuringResult during, Shard shard) {
        this(runId, started, finished, suites, scenarios, verdict, exitCode, error, availability, during, shard,
                List.of());
    }

    /** A report of a run that ran its whole selection (no {@code --shard}). */
    public RunReport(String runId, Instant started, Instant finished, Set<Suite> suites,
                     List<ScenarioResult> scenarios, Verdict verdict, int exitCode, String error,
                     List<AvailabilityResult> availability, DuringResult during) {
        this(runId, started, finished, suites, scenarios, verdict, exitCode, error, availability, during, null);
    }

    /** A report without availability probes or a {@code --during} command. */
    public RunReport(String runId, Instant started, Instant finished, Set<Suite> suites,
                     List<ScenarioResult> scenarios, Verdict verdict, int exitCode, String error) {
        this(runId, started, finished, suites, scenarios, verdict, exitCode, error, List.of(), null);
    }
}
