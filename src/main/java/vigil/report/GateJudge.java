package vigil.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Judges a {@link Summary} again in a later pipeline step ({@code vigil gate}), optionally with stricter
 * availability thresholds.
 *
 * <p>A summary fails the gate when its verdict is {@code error} or {@code aborted}, when the
 * {@code --during} command failed, when a suite has more failed scenarios than {@code maxFailed}, or
 * when an availability probe breaches its thresholds, and, when told to, when a scenario is flaky (passed only
 * on a rerun). The thresholds are the stricter of the run's
 * own and the overrides: an override can tighten a threshold, never loosen it. A self-check probe
 * ({@link AvailabilityResult#isSelfCheck()}: an outage caused on purpose) is never judged against thresholds.
 *
 * <p>Example: {@code new GateJudge(0, new Thresholds(99.9, null, null, null)).judge(summary)}.
 */
public final class GateJudge {
    /** How many failed scenario names a reason lists before it just counts the rest. */
    private static final int NAMES_LISTED = 5;

    private final int maxFailed;
    private final Thresholds overrides;
    private final boolean failOnFlaky;

    /**
     * @param maxFailed failed scenarios each suite may have and still pass (the default is 0)
     * @param overrides stricter thresholds for every availability probe; {@link Thresholds#NONE} for none
     */
    public GateJudge(int maxFailed, Thresholds overrides) {
        this(maxFailed, overrides, false);
    }

    /**
     * @param failOnFlaky whether a scenario that passed only on a rerun fails the gate
     */
    public GateJudge(int maxFailed, Thresholds overrides, boolean failOnFlaky) {
        if (maxFailed < 0) {
            throw new IllegalArgumentException("maxFailed must not be negative, was " + maxFailed);
        }
        this.maxFailed = maxFailed;
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.failOnFlaky = failOnFlaky;
    }

    public GateDecision judge(Summary summary) {
        List<String> reasons = new ArrayList<>();
        if (summary.verdict() == Verdict.ERROR || summary.verdict() == Verdict.ABORTED) {
            reasons.add("the run ended with verdict " + summary.verdict().id()
                    + (summary.error() == null ? "" : ": " + summary.error().strip().lines().findFirst().orElse("")));
        }
        DuringResult during = summary.during();
        if (during != null && during.exitCode() != null && during.exitCode() != 0) {
            reasons.add("the --during command exited with " + during.exitCode() + ": " + during.command());
        }
        for (Suite suite : Suite.values()) {
            judgeScenarios(suite, summary, reasons);
            if (failOnFlaky) {
                judgeFlaky(suite, summary, reasons);
            }
        }
        for (AvailabilityResult probe : summary.availability()) {
            // A self-check's outage is caused on purpose; its scenario's result says whether it was measured. The
            // control probe (issue 15) measures Vigil itself, not the platform.
            if (!probe.isSelfCheck() && !probe.control()) {
                judgeAvailability(probe, reasons);
            }
        }
        return GateDecision.of(reasons);
    }

    private void judgeScenarios(Suite suite, Summary summary, List<String> reasons) {
        List<String> failedNames = summary.scenarios().stream()
                .filter(s -> s.suite() == suite && s.status() == ScenarioStatus.FAILED)
                .map(s -> "\"" + s.name() + "\"")
                .toList();
        // The counts are the fallback for a summary whose scenario list was cut short.
        int failed = Math.max(failedNames.size(), summary.suites().of(suite).failed());
        if (failed > maxFailed) {
            String names = listed(failedNames);
            reasons.add(String.format(Locale.ROOT, "%s: %d %s failed (allowed %d)%s", suite.id(), failed,
                    failed == 1 ? "scenario" : "scenarios", maxFailed, names.isEmpty() ? "" : ": " + names));
        }
    }

    private static void judgeFlaky(Suite suite, Summary summary, List<String> reasons) {
        List<String> flakyNames = summary.scenarios().stream()
                .filter(s -> s.suite() == suite && s.status() == ScenarioStatus.FLAKY)
                .map(s -> "\"" + s.name() + "\"" + (s.attempts() == null ? "" : " (passed on attempt " + s.attempts() + ")"))
                .toList();
        int flaky = Math.max(flakyNames.size(), summary.suites().of(suite).flaky());
        if (flaky > 0) {
            reasons.add(String.format(Locale.ROOT, "%s: %d %s flaky, failed first and passed only on a rerun"
                    + " (--fail-on-flaky)%s", suite.id(), flaky, flaky == 1 ? "scenario is" : "scenarios are",
                    flakyNames.isEmpty() ? "" : ": " + listed(flakyNames)));
        }
    }

    private static String listed(List<String> names) {
        String listed = names.stream().limit(NAMES_LISTED).collect(Collectors.joining(", "));
        return names.size() > NAMES_LISTED ? listed + " and " + (names.size() - NAMES_LISTED) + " more" : listed;
    }

    private void judgeAvailability(AvailabilityResult probe, List<String> reasons) {
        Thresholds limits = probe.thresholds().strictest(overrides);
        String name = probe.name();
        int before = reasons.size();
        if (limits.minAvailabilityPct() != null && probe.availabilityPct() < limits.minAvailabilityPct()) {
            reasons.add(name + ": availability " + compare(probe.availabilityPct(), "<", limits.minAvailabilityPct(), "%", 2));
        }
        if (limits.maxOutageS() != null && probe.longestOutageS() > limits.maxOutageS()) {
            reasons.add(name + ": longest outage " + compare(probe.longestOutageS(), ">", limits.maxOutageS(), " s", 1));
        }
        if (limits.maxFailures() != null && probe.failures() > limits.maxFailures()) {
            reasons.add(String.format(Locale.ROOT, "%s: %d failed samples > %d", name, probe.failures(),
                    limits.maxFailures()));
        }
        if (limits.maxP99LatencyMs() != null && probe.latency() != null
                && probe.latency().p99() > limits.maxP99LatencyMs()) {
            reasons.add(name + ": p99 latency "
                    + compare(probe.latency().p99(), ">", limits.maxP99LatencyMs(), " ms", 0));
        }
        if (limits.maxP99LatencyMs() != null && probe.latency() == null) {
            reasons.add(name + ": p99 latency limit set but no latency was recorded");
        }
        // The run may have judged on more than the figures show (e.g. known error patterns); a gate
        // must never be more lenient than the run, so its failure stands.
        if (reasons.size() == before && !probe.passed()) {
            reasons.add(name + ": failed in the run");
        }
    }

    /**
     * {@code 99.31% < 99.50%}: at least {@code minDigits} decimals, more when fewer would print two
     * figures that look equal.
     */
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
