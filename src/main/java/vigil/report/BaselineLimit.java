package vigil.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The longest outage a probe is allowed by its own history ({@code vigil run --baseline DIR}): from the longest
 * outages of at least {@code minRuns} earlier runs of the same kind, {@code allowed = max(p99 + margin, p99 x factor)}.
 * Reported beside the fixed thresholds; it fails a probe only when {@code judged} (config
 * {@code availability.baseline.judge: true}).
 *
 * @param kind             what makes runs comparable, e.g. {@code availability|app-http|bosh deploy}
 * @param runs             earlier runs of that kind found
 * @param minRuns          how many are needed before the history is trusted
 * @param p99LongestOutageS the 99th percentile of their longest outages, in seconds; {@code null} with too few runs
 * @param allowedOutageS   the outage allowed; {@code null} with too few runs (then the fixed thresholds alone apply)
 * @param rule             the rule, e.g. {@code max(p99 + 5 s, p99 x 1.2)}
 * @param judged           whether the allowed outage fails the probe when exceeded
 * @param exceeded         whether this run's longest outage is longer than allowed; {@code null} with too few runs
 * @param note             one line for people, e.g. {@code 3 earlier runs of this kind, fewer than 5: fixed thresholds only}
 */
public record BaselineLimit(
        @JsonProperty("kind") String kind,
        @JsonProperty("runs") int runs,
        @JsonProperty("min_runs") int minRuns,
        @JsonProperty("p99_longest_outage_s") Double p99LongestOutageS,
        @JsonProperty("allowed_outage_s") Double allowedOutageS,
        @JsonProperty("rule") String rule,
        @JsonProperty("judged") boolean judged,
        @JsonProperty("exceeded") Boolean exceeded,
        @JsonProperty("note") String note) {
}
