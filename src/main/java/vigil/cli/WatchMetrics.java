package vigil.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import vigil.availability.ProbeCounts;
import vigil.report.AvailabilityResult;
import vigil.report.MetricsText;
import vigil.report.Summary;

/**
 * What {@code vigil watch} exports at {@code /metrics}: its runs (counts, last success, last duration and exit code)
 * and its probes (samples, failures, inconclusive samples and availability), the probes of the watch's own
 * continuous measurement (label {@code source="watch"}) summed over its windows plus the window under way, and the
 * availability probes of the last run (label {@code source="run"}). Only names listed in {@link #NAMES} are exported;
 * {@code monitoring/vigil-alerts.yml} uses no others.
 */
final class WatchMetrics {
    static final List<String> NAMES = List.of("vigil_runs_total", "vigil_run_failures_total",
            "vigil_last_run_timestamp_seconds", "vigil_last_success_timestamp_seconds", "vigil_last_run_duration_seconds",
            "vigil_last_run_exit_code", "vigil_last_run_failed_scenarios", "vigil_watch_interval_seconds",
            "vigil_probe_samples_total", "vigil_probe_failures_total", "vigil_probe_inconclusive_total",
            "vigil_probe_availability_ratio", "vigil_probe_longest_outage_seconds");

    private record Totals(long samples, long failures, long inconclusive, double longestOutageS) {
        Totals plus(long s, long f, long i, double longest) {
            return new Totals(samples + s, failures + f, inconclusive + i, Math.max(longestOutageS, longest));
        }
    }

    private final Duration every;
    private long runs;
    private long failures;
    private Instant lastRun;
    private Instant lastSuccess;
    private double lastDurationS;
    private int lastExitCode;
    private long lastFailedScenarios;
    private final Map<String, Totals> watchProbes = new TreeMap<>();
    private final Map<String, AvailabilityResult> runProbes = new TreeMap<>();
    private Supplier<List<ProbeCounts>> window = List::of;

    WatchMetrics(Duration every) {
        this.every = every;
    }

    /** A run ended with {@code exitCode}; {@code summary} is its summary.json, or null when it has none. */
    synchronized void runEnded(Instant start, Instant end, int exitCode, Summary summary) {
        runs++;
        lastRun = end;
        lastDurationS = Duration.between(start, end).toMillis() / 1000.0;
        lastExitCode = exitCode;
        if (exitCode == ExitCode.PASSED) {
            lastSuccess = end;
        } else {
            failures++;
        }
        lastFailedScenarios = summary == null ? 0 : summary.scenarios().stream()
                .filter(s -> s.status() == vigil.report.ScenarioStatus.FAILED).count();
        runProbes.clear();
        if (summary != null) {
            summary.availability().forEach(p -> runProbes.put(p.name(), p));
        }
    }

    /** The window of the continuous measurement under way: its figures are added to the finished windows'. */
    synchronized void windowStarted(Supplier<List<ProbeCounts>> counts) {
        this.window = counts;
    }

    /** A window of the continuous measurement ended with these results. */
    synchronized void windowEnded(List<AvailabilityResult> results) {
        for (AvailabilityResult r : results) {
            watchProbes.merge(r.name(), new Totals(r.samples(), r.failures(),
                    r.inconclusive() == null ? 0 : r.inconclusive(), r.longestOutageS()),
                    (a, b) -> a.plus(b.samples, b.failures, b.inconclusive, b.longestOutageS));
        }
        window = List::of;
    }

    synchronized long runs() {
        return runs;
    }

    synchronized String render() {
        MetricsText text = new MetricsText();
        Map<String, String> none = Map.of();
        text.family("vigil_runs_total", "counter", "Runs vigil watch has finished.").sample(none, runs);
        text.family("vigil_run_failures_total", "counter", "Finished runs that did not pass (exit code not 0).")
                .sample(none, failures);
        MetricsText.Family lastRunAt = text.family("vigil_last_run_timestamp_seconds", "gauge",
                "When the last run ended, in seconds since the epoch.");
        MetricsText.Family lastSuccessAt = text.family("vigil_last_success_timestamp_seconds", "gauge",
                "When the last passing run ended, in seconds since the epoch (no sample before the first one).");
        MetricsText.Family duration = text.family("vigil_last_run_duration_seconds", "gauge",
                "Wall time of the last run.");
        MetricsText.Family exit = text.family("vigil_last_run_exit_code", "gauge",
                "Exit code of the last run (0 passed, 1 failed, 3 target unreachable, ...).");
        MetricsText.Family failedScenarios = text.family("vigil_last_run_failed_scenarios", "gauge",
                "Scenarios that failed in the last run.");
        if (lastRun != null) {
            lastRunAt.sample(none, seconds(lastRun));
            duration.sample(none, lastDurationS);
            exit.sample(none, lastExitCode);
            failedScenarios.sample(none, lastFailedScenarios);
        }
        if (lastSuccess != null) {
            lastSuccessAt.sample(none, seconds(lastSuccess));
        }
        text.family("vigil_watch_interval_seconds", "gauge", "How often vigil watch starts a run (--every).")
                .sample(none, every.toMillis() / 1000.0);
        probes(text);
        return text.render();
    }

    private void probes(MetricsText text) {
        Map<String, Totals> totals = new LinkedHashMap<>(watchProbes);
        for (ProbeCounts live : window.get()) {
            totals.merge(live.name(), new Totals(live.samples(), live.failures(), live.inconclusive(),
                    live.longestOutageS()), (a, b) -> a.plus(b.samples, b.failures, b.inconclusive, b.longestOutageS));
        }
        MetricsText.Family samples = text.family("vigil_probe_samples_total", "counter",
                "Samples of a probe of the watch's continuous measurement (inconclusive ones not counted).");
        MetricsText.Family failed = text.family("vigil_probe_failures_total", "counter", "Of those, the failed ones.");
        MetricsText.Family inconclusive = text.family("vigil_probe_inconclusive_total", "counter",
                "Samples taken while the control probe failed or answered late: the instrument, not the target.");
        MetricsText.Family ratio = text.family("vigil_probe_availability_ratio", "gauge",
                "Successful samples as a share of all: since the watch started (source=watch), or in the last run"
                        + " (source=run).");
        MetricsText.Family longest = text.family("vigil_probe_longest_outage_seconds", "gauge",
                "The longest outage: since the watch started (source=watch), or in the last run (source=run).");
        totals.forEach((name, t) -> {
            Map<String, String> labels = labels(name, "watch");
            samples.sample(labels, t.samples);
            failed.sample(labels, t.failures);
            inconclusive.sample(labels, t.inconclusive);
            ratio.sample(labels, t.samples == 0 ? Double.NaN : (double) (t.samples - t.failures) / t.samples);
            longest.sample(labels, t.longestOutageS);
        });
        runProbes.forEach((name, p) -> {
            Map<String, String> labels = labels(name, "run");
            ratio.sample(labels, p.samples() == 0 ? Double.NaN : p.availabilityPct() / 100);
            longest.sample(labels, p.longestOutageS());
        });
    }

    private static Map<String, String> labels(String probe, String source) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("probe", probe);
        labels.put("source", source);
        return labels;
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }
}
