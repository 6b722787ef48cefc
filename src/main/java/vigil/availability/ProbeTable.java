package vigil.availability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vigil.report.AvailabilityResult;

/**
 * The end-of-measurement table for the console, one row per probe:
 * <pre>{@code
 * probe     samples  failed   avail %  outages  longest  p50 ms  p99 ms  max ms  late  result
 * app-http      600       4   99.33 %        1   0.40 s     1.2     3.9    12.0     0  passed
 * }</pre>
 */
public final class ProbeTable {
    private ProbeTable() {
    }

    public static List<String> lines(List<AvailabilityResult> probes) {
        int nameWidth = Math.max(5, probes.stream().mapToInt(p -> p.name().length()).max().orElse(5));
        String format = "%-" + nameWidth + "s %8s %7s %9s %8s %8s %7s %7s %7s %5s  %s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "probe", "samples", "failed", "avail %", "outages", "longest",
                "p50 ms", "p99 ms", "max ms", "late", "result"));
        for (AvailabilityResult p : probes) {
            AvailabilityResult.Latency latency = p.latency();
            lines.add(String.format(Locale.ROOT, format, p.name(), p.samples(), p.failures(),
                    ProbeVerdict.percent(p.availabilityPct(), p.failures()).replace("%", " %"),
                    p.outageCount() == null ? p.outages().size() : p.outageCount(),
                    ProbeVerdict.seconds(p.longestOutageS()),
                    latency == null ? "-" : ms(latency.p50()), latency == null ? "-" : ms(latency.p99()),
                    latency == null ? "-" : ms(latency.max()), p.lateStarts() == null ? "-" : p.lateStarts(),
                    result(p)));
        }
        return lines;
    }

    private static String result(AvailabilityResult p) {
        if (p.isSelfCheck()) {
            return "self-check";
        }
        if (p.notJudged() != null) {
            return "not judged";
        }
        return p.passed() ? "passed" : "FAILED";
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
