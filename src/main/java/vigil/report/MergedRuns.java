package vigil.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Several runs (usually the shards of one) joined as if they were one run.
 *
 * @param runId  the parts' run ids joined with {@code +}
 * @param during the failed {@code --during} run if any part's failed, else the first part's, or {@code null}
 * @param parts  the runs that were merged, in the order given
 */
public record MergedRuns(String runId, Instant started, Instant finished, Set<Suite> suites,
                         List<ScenarioResult> scenarios, List<AvailabilityResult> availability, DuringResult during,
                         List<ShardRun> parts) {
    public MergedRuns {
        suites = Set.copyOf(suites);
        scenarios = List.copyOf(scenarios);
        availability = List.copyOf(availability);
        parts = List.copyOf(parts);
    }

    /** The first part that ended with {@code verdict}. */
    public Optional<ShardRun> firstWith(Verdict verdict) {
        return parts.stream().filter(part -> part.summary().verdict() == verdict).findFirst();
    }

    /** What stopped a part that ended in error or was aborted, naming the part; {@code null} if none did. */
    public String error() {
        return firstWith(Verdict.ABORTED).or(() -> firstWith(Verdict.ERROR))
                .map(part -> part.describe() + ": " + (part.summary().error() != null ? part.summary().error()
                        : "ended with verdict " + part.summary().verdict().id() + " (exit code "
                        + part.summary().exitCode() + ")"))
                .orElse(null);
    }

    /**
     * The report to write for the merged runs, with the verdict and exit code decided for them; what any part
     * left behind in the CF is listed, part by part.
     */
    public RunReport report(Verdict verdict, int exitCode) {
        return new RunReport(runId, started, finished, suites, scenarios, verdict, exitCode, error(), availability,
                during, null, parts.stream().flatMap(part -> part.summary().leftBehind().stream()).toList());
    }
}
