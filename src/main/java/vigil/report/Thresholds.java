package vigil.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Limits an availability probe is judged against; a {@code null} limit is not checked.
 *
 * <p>Example: {@code new Thresholds(99.5, 10.0, null, 800.0)} requires 99.5 % availability, no outage
 * longer than 10 s and a p99 latency of at most 800 ms, and allows any number of failed samples.
 */
public record Thresholds(
        @JsonProperty("min_availability_pct") Double minAvailabilityPct,
        @JsonProperty("max_outage_s") Double maxOutageS,
        @JsonProperty("max_failures") Long maxFailures,
        @JsonProperty("max_p99_latency_ms") Double maxP99LatencyMs) {

    /** No limit at all. */
    public static final Thresholds NONE = new Thresholds(null, null, null, null);

    public Thresholds {
        if (minAvailabilityPct != null && !(minAvailabilityPct >= 0 && minAvailabilityPct <= 100)) {
            throw new IllegalArgumentException("min_availability_pct must be between 0 and 100, was " + minAvailabilityPct);
        }
        requireNotNegative("max_outage_s", maxOutageS);
        requireNotNegative("max_failures", maxFailures == null ? null : maxFailures.doubleValue());
        requireNotNegative("max_p99_latency_ms", maxP99LatencyMs);
    }

    /**
     * The stricter of each pair of limits. Gate overrides go through here, so that a later step can
     * tighten what the run applied but never loosen it.
     */
    public Thresholds strictest(Thresholds other) {
        return new Thresholds(
                maxOf(minAvailabilityPct, other.minAvailabilityPct),
                minOf(maxOutageS, other.maxOutageS),
                minOf(maxFailures, other.maxFailures),
                minOf(maxP99LatencyMs, other.maxP99LatencyMs));
    }

    private static void requireNotNegative(String name, Double value) {
        if (value != null && !(value >= 0)) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    private static <T extends Comparable<T>> T minOf(T a, T b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private static <T extends Comparable<T>> T maxOf(T a, T b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
