package vigil.report;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The content of {@code summary.json} (schema {@value #SCHEMA}): the file that pipeline gates read.
 * Written by {@link SummaryWriter}, read back by {@link SummaryReader}.
 *
 * @param durationS wall time of the run in seconds
 * @param during    the {@code --during} command, or {@code null} when none was given
 * @param shard     which part of the selection the run ran ({@code --shard}), or {@code null} for all of it
 * @param leftBehind what the run created in the CF and could not remove, each naming the thing and why; empty
 *                   when everything went ({@code vigil cleanup} removes it once the CF answers again)
 */
public record Summary(
        @JsonProperty(value = "schema", required = true) String schema,
        @JsonProperty(value = "run_id", required = true) String runId,
        @JsonProperty(value = "verdict", required = true) Verdict verdict,
        @JsonProperty(value = "exit_code", required = true) int exitCode,
        @JsonProperty("error") String error,
        @JsonProperty("started") Instant started,
        @JsonProperty("finished") Instant finished,
        @JsonProperty("duration_s") double durationS,
        @JsonProperty(value = "suites", required = true) Suites suites,
        @JsonProperty(value = "scenarios", required = true) List<Scenario> scenarios,
        @JsonProperty("availability") List<AvailabilityResult> availability,
        @JsonProperty("during") DuringResult during,
        @JsonProperty("shard") Shard shard,
        @JsonProperty("left_behind") List<String> leftBehind) {

    /** The value of the {@code schema} field; a reader refuses any other. */
    public static final String SCHEMA = "vigil.summary/v1";

    public Summary {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(suites, "suites");
        scenarios = List.copyOf(scenarios);
        availability = availability == null ? List.of() : List.copyOf(availability);
        leftBehind = leftBehind == null ? List.of() : List.copyOf(leftBehind);
    }

    /** A summary of a run that left nothing behind in the CF. */
    public Summary(String schema, String runId, Verdict verdict, int exitCode, String error, Instant started,
                   Instant finished, double durationS, Suites suites, List<Scenario> scenarios,
                   List<AvailabilityResult> availability, DuringResult during, Shard shard) {
        this(schema, runId, verdict, exitCode, error, started, finished, durationS, suites, scenarios, availability,
                during, shard, List.of());
    }

    /** A summary of a run that ran its whole selection (no {@code --shard}). */
    public Summary(String schema, String runId, Verdict verdict, int exitCode, String error, Instant started,
                   Instant finished, double durationS, Suites suites, List<Scenario> scenarios,
                   List<AvailabilityResult> availability, DuringResult during) {
        this(schema, runId, verdict, exitCode, error, started, finished, durationS, suites, scenarios, availability,
                during, null);
    }

    /** Counts of every suite; all three are always present so that a gate never meets a missing key. */
    public record Suites(
            @JsonProperty(value = "smoke", required = true) SuiteCounts smoke,
            @JsonProperty(value = "acceptance", required = true) SuiteCounts acceptance,
            @JsonProperty(value = "availability", required = true) SuiteCounts availability) {

        public Suites {
            Objects.requireNonNull(smoke, "smoke");
            Objects.requireNonNull(acceptance, "acceptance");
            Objects.requireNonNull(availability, "availability");
        }

        public SuiteCounts of(Suite suite) {
            return switch (suite) {
                case SMOKE -> smoke;
                case ACCEPTANCE -> acceptance;
                case AVAILABILITY -> availability;
            };
        }
    }

    /**
     * Scenario counts of one suite.
     *
     * @param selected  whether the suite was part of the run (all counts are 0 when it was not)
     * @param flaky     scenarios that failed and then passed on a rerun ({@code --rerun-failed}); not counted in
     *                  {@code passed} or {@code failed}
     * @param durationS the sum of the scenario durations in seconds; scenarios run in parallel, so
     *                  this can exceed the wall time of the run
     */
    public record SuiteCounts(
            @JsonProperty("selected") boolean selected,
            @JsonProperty("passed") int passed,
            @JsonProperty("failed") int failed,
            @JsonProperty("skipped") int skipped,
            @JsonProperty("flaky") int flaky,
            @JsonProperty("duration_s") double durationS) {
    }

    /**
     * One scenario as the gate sees it.
     *
     * @param error    the failure of its first attempt (for a {@code flaky} one, too)
     * @param attempts how often it ran (more than 1 when it was rerun after failing); {@code null} in summaries
     *                 written before reruns existed
     * @param start    when its first attempt started: lines it up with the availability timelines and outages;
     *                 {@code null} in summaries written before it existed
     * @param end      when its last attempt ended; {@code null} in summaries written before it existed
     */
    public record Scenario(
            @JsonProperty("suite") Suite suite,
            @JsonProperty("feature") String feature,
            @JsonProperty("name") String name,
            @JsonProperty("status") ScenarioStatus status,
            @JsonProperty("duration_s") double durationS,
            @JsonProperty("error") String error,
            @JsonProperty("attempts") Integer attempts,
            @JsonProperty("start") Instant start,
            @JsonProperty("end") Instant end) {

        /** A scenario that ran once, at a time not known. */
        public Scenario(Suite suite, String feature, String name, ScenarioStatus status, double durationS,
                        String error) {
            this(suite, feature, name, status, durationS, error, 1, null, null);
        }
    }
}
