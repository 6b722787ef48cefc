package vigil.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The outage a probe is allowed by earlier runs of the same kind: the 99th percentile (nearest rank) of their
 * longest outages, {@code p99}, gives {@code allowed = max(p99 + marginS, p99 x factor)}; with fewer than
 * {@code minRuns} earlier runs there is no baseline and the fixed thresholds alone apply.
 *
 * <p>Example: longest outages 0, 0.4, 1.2, 0.8, 2.0 s over 5 runs give p99 2.0 s and allow max(7.0, 2.4) = 7.0 s.
 *
 * @param kindTemplate e.g. {@code {suite}|{probe}|{during}}; see {@link #kind}
 * @param judge        whether a trusted baseline fails a probe whose longest outage is longer than allowed
 */
public record BaselineRule(int minRuns, double marginS, double factor, String kindTemplate, boolean judge) {
    /** {@code app-http-3} and {@code app-http-3-new-conn}: the measurement's number is no part of the kind. */
    private static final Pattern MEASUREMENT_NUMBER = Pattern.compile("-\\d+(?=$|-new-conn$)");

    public BaselineRule {
        if (minRuns < 1) {
            throw new IllegalArgumentException("min_runs must be at least 1, was " + minRuns);
        }
        if (!(marginS >= 0) || !(factor >= 1)) {
            throw new IllegalArgumentException("margin must be >= 0 s and factor >= 1, were " + marginS + ", " + factor);
        }
        Objects.requireNonNull(kindTemplate, "kindTemplate");
    }

    /** The rule in words, e.g. {@code max(p99 + 5 s, p99 x 1.2)}. */
    public String describe() {
        return "max(p99 + " + trim(marginS) + " s, p99 x " + trim(factor) + ")";
    }

    /**
     * The kind of a probe's run: the template with {@code {suite}}, {@code {probe}} (the probe's name without its
     * measurement number in a suite run) and {@code {during}} (the {@code --during} command, or empty) filled in.
     */
    public String kind(String suite, String probe, String during) {
        String probeKind = "availability".equals(suite) ? MEASUREMENT_NUMBER.matcher(probe).replaceFirst("") : probe;
        return kindTemplate.replace("{suite}", suite).replace("{probe}", probeKind)
                .replace("{during}", during == null ? "" : during.trim());
    }

    /** The limit for a probe of {@code kind} given the longest outages (seconds) of its earlier runs. */
    public BaselineLimit limit(String kind, List<Double> earlierLongestOutagesS, double longestOutageS) {
        int runs = earlierLongestOutagesS.size();
        if (runs < minRuns) {
            return new BaselineLimit(kind, runs, minRuns, null, null, describe(), judge, null, runs + " earlier"
                    + (runs == 1 ? " run" : " runs") + " of this kind, fewer than " + minRuns
                    + ": no baseline yet, the fixed thresholds alone apply");
        }
        double p99 = p99(earlierLongestOutagesS);
        double allowed = allowed(p99);
        boolean exceeded = longestOutageS > allowed;
        return new BaselineLimit(kind, runs, minRuns, round(p99), round(allowed), describe(), judge, exceeded,
                String.format(Locale.ROOT, "longest outage %.2f s %s %.2f s allowed by %d earlier runs (p99 %.2f s)%s",
                        longestOutageS, exceeded ? ">" : "<=", allowed, runs, p99,
                        judge ? "" : "; reported only (availability.baseline.judge: false)"));
    }

    /** {@code max(p99 + margin, p99 x factor)}. */
    public double allowed(double p99) {
        return Math.max(p99 + marginS, p99 * factor);
    }

    /** The 99th percentile by nearest rank: the smallest value at least 99 % of the values are not above. */
    static double p99(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(0.99 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
