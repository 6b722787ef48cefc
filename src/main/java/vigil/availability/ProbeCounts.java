package vigil.availability;

/**
 * One probe's figures while it runs (issue 15: what {@code vigil watch} exports at {@code /metrics}).
 *
 * @param role            {@code control} for the control probe, else {@code null}
 * @param connection      {@code reused} or {@code new} for HTTP probes, else {@code null}
 * @param samples         samples counted so far (none before the probe's first success)
 * @param failures        of those, the failed ones
 * @param inconclusive    samples taken while the control probe failed, counted in neither
 * @param longestOutageS  the longest outage so far, the one under way included
 */
public record ProbeCounts(String name, String role, String connection, long samples, long failures, long inconclusive,
                          double longestOutageS) {
    /** Successful samples as a share of all; NaN before the first sample (Prometheus shows it as such). */
    public double availabilityRatio() {
        return samples == 0 ? Double.NaN : (double) (samples - failures) / samples;
    }
}
