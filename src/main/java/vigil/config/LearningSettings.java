package vigil.config;

import java.time.Duration;

/**
 * How availability measurements check themselves and learn from earlier runs (config {@code availability.control},
 * {@code availability.new_connections}, {@code availability.baseline}):
 * <pre>{@code
 * availability:
 *   control: {enabled: true, late_ms: 500}
 *   new_connections: true
 *   baseline: {min_runs: 5, margin_s: 5, factor: 1.2, kind: "{suite}|{probe}|{during}", judge: false}
 * }</pre>
 *
 * @param control         whether a control probe runs beside the others
 * @param controlLate     a control answer later than this marks the instrument as in trouble
 * @param newConnections  whether every HTTP probe is also measured over a fresh connection per check
 * @param minRuns         earlier runs of the same kind needed before a baseline is trusted
 * @param marginS         the baseline rule's margin: allowed = max(p99 + margin, p99 x factor)
 * @param factor          the baseline rule's factor
 * @param kind            the template naming a run's kind: {@code {suite}}, {@code {probe}} and {@code {during}}
 *                        are replaced by the suite, the probe's kind (its name without the measurement number) and
 *                        the {@code --during} command (or its duration)
 * @param judge           whether a baseline, once trusted, fails a probe whose longest outage exceeds it
 */
public record LearningSettings(boolean control, Duration controlLate, boolean newConnections, int minRuns,
                               double marginS, double factor, String kind, boolean judge) {
    public static final String DEFAULT_KIND = "{suite}|{probe}|{during}";
    private static final LearningSettings DEFAULTS = new LearningSettings(true, Duration.ofMillis(500), true, 5, 5.0,
            1.2, DEFAULT_KIND, false);

    public static LearningSettings defaults() {
        return DEFAULTS;
    }
}
