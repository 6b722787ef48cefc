package vigil.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static java.util.Collections.unmodifiableSortedMap;

/**
 * What one availability probe measured over a run, with the thresholds it was judged against.
 * Written to summary.json as it is, so that {@code vigil gate} can judge it again later.
 *
 * @param name             the probe's name, e.g. {@code app-http}; also names its CSV and SVG files
 * @param target           what was probed, e.g. the URL
 * @param samples          probes scheduled (a late or hung probe counts, as failed)
 * @param failures         samples that failed
 * @param availabilityPct  successful samples in percent of all samples
 * @param longestOutageS   the longest run of consecutive failures, in seconds (0 when there was none)
 * @param outages          every outage, oldest first
 * @param latency          latency of the samples, in milliseconds
 * @param thresholds       the limits applied in the run ({@link Thresholds#NONE} when none)
 * @param passed           whether the run judged the probe to have held its thresholds
 * @param verdict          one line that explains the judgement, e.g.
 *                         {@code app-http: 99.31% < 99.50% (3 outages, longest 1.8 s at 12:03:41Z)}
 * @param outageCount      how many outages there were; {@code outages} keeps only the longest of a long run
 * @param warnings         what weakens the result without failing it: known errors, no instance churn, late starts
 * @param lateStarts       samples the instrument itself started late (its own health, not the target's)
 * @param scheduleLagMs    how late samples started after their scheduled time, in milliseconds
 * @param instances        the answering instance ids seen before, during and after the deploy
 * @param inFlightCapped   samples not sent because the probe's cap of checks in flight was reached; they count
 *                         as failed (the instrument's own health: the target hung or answered slower than the rate)
 * @param selfCheck        {@code true} for a probe that checks the instrument against an outage caused on purpose
 *                         (e.g. a deploy without evacuation): no threshold is applied to it, in the run or by a gate;
 *                         its scenario checks the outage was measured. Left out of summary.json otherwise
 * @param notJudged        why the probe was measured but not judged (a self-check, {@code --no-thresholds}); left
 *                         out of summary.json for a judged probe
 * @param role             {@code control} for the control probe (Vigil's own loopback endpoint, which measures the
 *                         instrument); {@code null} for a probe of the target
 * @param connection       for HTTP probes: {@code reused} (a kept-alive connection) or {@code new} (a fresh TCP and
 *                         TLS connection per sample); {@code null} for other probes
 * @param inconclusive     samples taken while the control probe failed or answered late: the instrument, not the
 *                         target, was in trouble, so they count in neither {@code samples} nor the outages
 * @param inconclusiveFailures of those, the ones that failed
 * @param baseline         the outage allowed by earlier runs of the same kind ({@code --baseline}), or {@code null}
 */
public record AvailabilityResult(
        @JsonProperty("name") String name,
        @JsonProperty("target") String target,
        @JsonProperty("samples") long samples,
        @JsonProperty("failures") long failures,
        @JsonProperty("availability_pct") double availabilityPct,
        @JsonProperty("longest_outage_s") double longestOutageS,
        @JsonProperty("outages") List<Outage> outages,
        @JsonProperty("latency_ms") Latency latency,
        @JsonProperty("thresholds") Thresholds thresholds,
        @JsonProperty("passed") boolean passed,
        @JsonProperty("verdict") String verdict,
        @JsonProperty("outage_count") Long outageCount,
        @JsonProperty("warnings") List<String> warnings,
        @JsonProperty("late_starts") Long lateStarts,
        @JsonProperty("schedule_lag_ms") Latency scheduleLagMs,
        @JsonProperty("instances") Instances instances,
        @JsonProperty("in_flight_capped") Long inFlightCapped,
        @JsonProperty("self_check") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean selfCheck,
        @JsonProperty("not_judged") @JsonInclude(JsonInclude.Include.NON_NULL) String notJudged,
        // Issue 15 (availability that learns): the fields below.
        @JsonProperty("role") @JsonInclude(JsonInclude.Include.NON_NULL) String role,
        @JsonProperty("connection") @JsonInclude(JsonInclude.Include.NON_NULL) String connection,
        @JsonProperty("inconclusive") @JsonInclude(JsonInclude.Include.NON_NULL) Long inconclusive,
        @JsonProperty("inconclusive_failures") @JsonInclude(JsonInclude.Include.NON_NULL) Long inconclusiveFailures,
        @JsonProperty("baseline") @JsonInclude(JsonInclude.Include.NON_NULL) BaselineLimit baseline) {

    /** The value of {@code role} for the control probe. */
    public static final String CONTROL = "control";

    public AvailabilityResult {
        Objects.requireNonNull(name, "name");
        outages = outages == null ? List.of() : List.copyOf(outages);
        thresholds = thresholds == null ? Thresholds.NONE : thresholds;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A result with the figures a gate judges only (no verdict text, warnings or instrument health). */
    public AvailabilityResult(String name, String target, long samples, long failures, double availabilityPct,
                              double longestOutageS, List<Outage> outages, Latency latency, Thresholds thresholds,
                              boolean passed) {
        this(name, target, samples, failures, availabilityPct, longestOutageS, outages, latency, thresholds, passed,
                null, null, List.of(), null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A result without issue 15's fields (control, connection, inconclusive samples, baseline). */
    public AvailabilityResult(String name, String target, long samples, long failures, double availabilityPct,
                              double longestOutageS, List<Outage> outages, Latency latency, Thresholds thresholds,
                              boolean passed, String verdict, Long outageCount, List<String> warnings, Long lateStarts,
                              Latency scheduleLagMs, Instances instances, Long inFlightCapped, Boolean selfCheck,
                              String notJudged) {
        this(name, target, samples, failures, availabilityPct, longestOutageS, outages, latency, thresholds, passed,
                verdict, outageCount, warnings, lateStarts, scheduleLagMs, instances, inFlightCapped, selfCheck,
                notJudged, null, null, null, null, null);
    }

    /** Whether this probe is a self-check of the instrument, which no threshold judges (see {@code selfCheck}). */
    public boolean isSelfCheck() {
        return Boolean.TRUE.equals(selfCheck);
    }

    /** A judged result without the self-check mark or issue 15's fields. */
    public AvailabilityResult(String name, String target, long samples, long failures, double availabilityPct,
                              double longestOutageS, List<Outage> outages, Latency latency, Thresholds thresholds,
                              boolean passed, String verdict, Long outageCount, List<String> warnings, Long lateStarts,
                              Latency scheduleLagMs, Instances instances, Long inFlightCapped) {
        this(name, target, samples, failures, availabilityPct, longestOutageS, outages, latency, thresholds, passed,
                verdict, outageCount, warnings, lateStarts, scheduleLagMs, instances, inFlightCapped, null, null);
    }

    /** This result judged again with a baseline: {@code passed} and {@code verdict} as given. */
    public AvailabilityResult withBaseline(BaselineLimit limit, boolean judgedPassed, String judgedVerdict) {
        return new AvailabilityResult(name, target, samples, failures, availabilityPct, longestOutageS, outages,
                latency, thresholds, judgedPassed, judgedVerdict, outageCount, warnings, lateStarts, scheduleLagMs,
                instances, inFlightCapped, selfCheck, notJudged, role, connection, inconclusive, inconclusiveFailures,
                limit);
    }

    /** Whether this is the control probe, which measures the instrument rather than the target. */
    public boolean control() {
        return CONTROL.equals(role);
    }

    /**
     * The instance ids that answered, by phase of the deploy (all in {@code before} when no deploy was marked).
     * Each list is capped; {@code more} counts the ids left out.
     */
    public record Instances(
            @JsonProperty("before") List<String> before,
            @JsonProperty("during") List<String> during,
            @JsonProperty("after") List<String> after,
            @JsonProperty("more") long more) {

        public Instances {
            before = before == null ? List.of() : List.copyOf(before);
            during = during == null ? List.of() : List.copyOf(during);
            after = after == null ? List.of() : List.copyOf(after);
        }
    }

    /**
     * One stretch of consecutive failed samples.
     *
     * @param errorKinds how many samples failed with which kind of error, e.g. {@code {"http_502": 12}}
     * @param cause      what the kinds say happened, in words ({@link OutageCause}), e.g.
     *                   {@code router: endpoint_failure (http_502)}
     */
    public record Outage(
            @JsonProperty("start") Instant start,
            @JsonProperty("end") Instant end,
            @JsonProperty("duration_s") double durationS,
            @JsonProperty("error_kinds") Map<String, Long> errorKinds,
            @JsonProperty("cause") String cause) {

        public Outage {
            // Sorted, so that summary.json is stable from run to run.
            errorKinds = errorKinds == null ? Map.of() : unmodifiableSortedMap(new TreeMap<>(errorKinds));
            cause = cause == null ? OutageCause.of(errorKinds) : cause;
        }

        /** An outage whose cause is read from its kinds. */
        public Outage(Instant start, Instant end, double durationS, Map<String, Long> errorKinds) {
            this(start, end, durationS, errorKinds, null);
        }
    }

    /** Latency percentiles in milliseconds. */
    public record Latency(
            @JsonProperty("p50") double p50,
            @JsonProperty("p99") double p99,
            @JsonProperty("max") double max) {
    }
}
