package vigil.availability;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vigil.report.AvailabilityResult.Outage;
import vigil.report.Thresholds;

/**
 * Judges one probe's figures against its thresholds, in one line that explains itself:
 * <pre>{@code app-http: 99.31% < 99.50% (3 outages, longest 1.8 s at 12:03:41Z)}</pre>
 */
final class ProbeVerdict {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What a probe measured, as the verdict needs it. */
    record Figures(String name, long samples, long failures, double availabilityPct, long outageCount,
                   Outage longest, Double p99LatencyMs) {
    }

    record Judgement(boolean passed, String line) {
    }

    private ProbeVerdict() {
    }

    /** A probe measured but not judged passes, and its line says why it was not judged. */
    static Judgement measuredOnly(Figures f, String reason) {
        return new Judgement(true, f.name() + ": " + percent(f.availabilityPct(), f.failures())
                + " measured, not judged: " + reason + " (" + outages(f) + ")");
    }

    static Judgement judge(Figures f, Thresholds limits) {
        List<String> breaches = new ArrayList<>();
        if (f.samples() == 0) {
            breaches.add("no sample was taken");
        }
        if (limits.minAvailabilityPct() != null && f.availabilityPct() < limits.minAvailabilityPct()) {
            breaches.add(compare(f.availabilityPct(), "<", limits.minAvailabilityPct(), "%", 2));
        }
        double longestS = f.longest() == null ? 0 : f.longest().durationS();
        if (limits.maxOutageS() != null && longestS > limits.maxOutageS()) {
            breaches.add("longest outage " + compare(longestS, ">", limits.maxOutageS(), " s", 1));
        }
        if (limits.maxFailures() != null && f.failures() > limits.maxFailures()) {
            breaches.add(f.failures() + " failed samples > " + limits.maxFailures());
        }
        if (limits.maxP99LatencyMs() != null) {
            if (f.p99LatencyMs() == null) {
                breaches.add("no successful sample to take a p99 latency from");
            } else if (f.p99LatencyMs() > limits.maxP99LatencyMs()) {
                breaches.add("p99 latency " + compare(f.p99LatencyMs(), ">", limits.maxP99LatencyMs(), " ms", 0));
            }
        }
        String context = " (" + outages(f) + ")";
        if (breaches.isEmpty()) {
            return new Judgement(true, f.name() + ": " + percent(f.availabilityPct(), f.failures()) + " passed" + context);
        }
        return new Judgement(false, f.name() + ": " + String.join("; ", breaches) + context);
    }

    /** {@code 3 outages, longest 1.8 s at 12:03:41Z}, or {@code no outage}. */
    static String outages(Figures f) {
        if (f.outageCount() == 0 || f.longest() == null) {
            return "no outage";
        }
        return f.outageCount() + (f.outageCount() == 1 ? " outage" : " outages") + ", longest "
                + seconds(f.longest().durationS()) + " at " + CLOCK.format(f.longest().start());
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, s < 0.95 ? "%.2f s" : "%.1f s", s);
    }

    /** Never shows a failing probe as 100.00 %: more decimals until the figure is below 100. */
    static String percent(double pct, long failures) {
        int digits = 2;
        while (failures > 0 && digits < 6 && decimals(pct, digits).equals(decimals(100, digits))) {
            digits++;
        }
        return decimals(pct, digits) + "%";
    }

    /** {@code 99.31% < 99.50%}: more decimals when fewer would print two figures that look equal. */
    private static String compare(double actual, String operator, double limit, String unit, int minDigits) {
        int digits = minDigits;
        while (digits < 6 && decimals(actual, digits).equals(decimals(limit, digits))) {
            digits++;
        }
        return decimals(actual, digits) + unit + " " + operator + " " + decimals(limit, digits) + unit;
    }

    private static String decimals(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}
