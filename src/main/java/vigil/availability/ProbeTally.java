package vigil.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import vigil.report.AvailabilityResult;
import vigil.report.AvailabilityResult.Latency;
import vigil.report.AvailabilityResult.Outage;

/**
 * Everything one probe's samples add up to, in constant memory: counters, HdrHistograms of latency and of
 * schedule lag, the outage under way plus a bounded list of finished ones, instance ids, the timeline.
 * Takes samples in schedule order (see {@link InOrderRelease}); thread-safe. Failures before the probe's
 * first success are not counted: the measurement starts when the probe is live.
 */
final class ProbeTally {
    /** Latencies above this are recorded as this; a check times out long before. */
    private static final long HIGHEST_MICROS = Duration.ofHours(1).toNanos() / 1000;
    /** Distinct known-error kinds counted by name; more are counted as "other". */
    private static final int TOLERATED_KINDS = 32;
    private static final int MIN_LATE_STARTS_WARNED = 5;

    private final ProbeSpec spec;
    private final ProbeLimits limits;
    private final DeployWindow deploy;
    private final long lateStartMicros;
    private final Histogram latency = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram lag = new Histogram(HIGHEST_MICROS, 3);
    private final OutageList outages = new OutageList(OutageList.DEFAULT_CAPACITY);
    private final OutageDetector detector = new OutageDetector(outages::add);
    /** Only reported if the probe never succeeds: then every sample failed, and that is the result. */
    private final OutageDetector warmupOutage = new OutageDetector(outages::add);
    private final InstanceChurn churn = new InstanceChurn();
    private final Timeline timeline;
    private final Map<String, Long> tolerated = new TreeMap<>();
    private long samples;
    private long failures;
    private long toleratedCount;
    private long lateStarts;
    private long inFlightCapped;
    private long warmup;
    private Instant lastScheduled;
    private volatile boolean live;
    private volatile String lastError;
    // Issue 15: the control probe's verdict on the instrument, and what the probe is.
    private long inconclusive;
    private long inconclusiveFailures;
    private String role;
    private String connection;

    ProbeTally(ProbeSpec spec, ProbeLimits limits, DeployWindow deploy, Duration lateStart, Instant origin) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.deploy = Objects.requireNonNull(deploy, "deploy");
        this.lateStartMicros = lateStart.toNanos() / 1000;
        this.timeline = new Timeline(origin);
    }

    /** Marks this tally's result with its role ({@code control}) and connection kind; either may be null. */
    synchronized ProbeTally describedAs(String role, String connection) {
        this.role = role;
        this.connection = connection;
        return this;
    }

    /**
     * Takes a sample the control probe judged: an inconclusive one (the instrument was in trouble at its time)
     * counts in neither the samples nor the outages, and neither opens nor ends an outage; the timeline shows it.
     */
    synchronized void accept(Sample sample, boolean inconclusiveSample) {
        if (!inconclusiveSample || !live) {
            accept(sample);
            return;
        }
        inconclusive++;
        if (!sample.outcome().ok()) {
            inconclusiveFailures++;
        }
        lastScheduled = sample.scheduled();
        timeline.acceptInconclusive(sample.scheduled());
    }

    synchronized void accept(Sample sample) {
        ProbeOutcome outcome = sample.outcome();
        if (!live && !outcome.ok()) {
            // Until its first success a probe measures its own start (a cold JVM's first connections take
            // hundreds of ms) or a target not yet up; the deploy waits for every first success anyway.
            warmup++;
            lastError = outcome.error();
            lastScheduled = sample.scheduled();
            warmupOutage.failure(sample.scheduled(), outcome.error());
            return;
        }
        samples++;
        lastScheduled = sample.scheduled();
        long lagMicros = sample.lagMicros();
        lag.recordValue(Math.min(lagMicros, HIGHEST_MICROS));
        if (lagMicros > lateStartMicros) {
            lateStarts++;
        }
        churn.accept(deploy.phaseOf(sample.scheduled()), outcome.instance());
        if (outcome.ok()) {
            latency.recordValue(Math.min(Math.max(0, sample.latencyMicros()), HIGHEST_MICROS));
            detector.success(sample.scheduled());
            timeline.accept(sample.scheduled(), false, false, sample.latencyMicros());
            live = true;
            return;
        }
        lastError = outcome.error();
        if (limits.isKnown(outcome.error())) {
            // A known error is neither a failure nor a success: it neither opens nor ends an outage.
            toleratedCount++;
            String kind = tolerated.size() < TOLERATED_KINDS || tolerated.containsKey(outcome.error())
                    ? outcome.error() : "other";
            tolerated.merge(kind, 1L, Long::sum);
            timeline.accept(sample.scheduled(), false, true, sample.latencyMicros());
            return;
        }
        failures++;
        if (FailureKind.IN_FLIGHT_CAP.equals(outcome.error())) {
            inFlightCapped++;
        }
        detector.failure(sample.scheduled(), outcome.error());
        timeline.accept(sample.scheduled(), true, false, sample.latencyMicros());
    }

    ProbeSpec spec() {
        return spec;
    }

    /** Whether a check has succeeded yet. */
    boolean live() {
        return live;
    }

    /** The error of the latest failed check, or {@code null}. */
    String lastError() {
        return lastError;
    }

    synchronized long samples() {
        return samples;
    }

    /** The figures so far, for a live view (issue 15's {@code /metrics}); the outage under way counts as ended now. */
    synchronized ProbeCounts counts(Instant now) {
        Outage current = live ? detector.current(now) : null;
        Outage longest = outages.longest();
        double longestS = Math.max(longest == null ? 0 : longest.durationS(), current == null ? 0 : current.durationS());
        return new ProbeCounts(spec.name(), role, connection, live ? samples : 0, live ? failures : 0, inconclusive,
                longestS);
    }

    synchronized Timeline timeline() {
        return timeline;
    }

    synchronized List<Outage> keptOutages() {
        return outages.kept();
    }

    /**
     * Ends the outage under way, if any, where the next check would have been due, and returns the result.
     * Call once, after the last sample.
     */
    synchronized AvailabilityResult finish() {
        if (!live) {
            samples = warmup;
            failures = warmup;
            warmup = 0;
            if (lastScheduled != null) {
                warmupOutage.finish(lastScheduled.plusNanos(spec.intervalNanos()));
            }
        } else if (lastScheduled != null) {
            detector.finish(lastScheduled.plusNanos(spec.intervalNanos()));
        }
        long judged = samples - toleratedCount;
        double pct = samples == 0 ? 0 : (samples - failures) * 100.0 / samples;
        Double p99 = latency.getTotalCount() == 0 ? null : millis(latency.getValueAtPercentile(99));
        Outage longest = outages.longest();
        ProbeVerdict.Figures figures = new ProbeVerdict.Figures(spec.name(), samples, failures, pct, outages.count(),
                longest, p99);
        ProbeVerdict.Judgement judgement = limits.notJudged() != null
                ? ProbeVerdict.measuredOnly(figures, limits.notJudged())
                : ProbeVerdict.judge(figures, limits.thresholds());
        return new AvailabilityResult(spec.name(), spec.target(), samples, failures, pct,
                longest == null ? 0 : longest.durationS(), outages.kept(),
                latency.getTotalCount() == 0 ? null : percentiles(latency), limits.thresholds(), judgement.passed(),
                judgement.line(), outages.count(), warnings(judged), lateStarts, percentiles(lag), churn.instances(),
                inFlightCapped, limits.selfCheck() ? Boolean.TRUE : null, limits.notJudged(), role, connection,
                role == null ? inconclusive : null, role == null ? inconclusiveFailures : null, null);
    }

    private List<String> warnings(long judged) {
        List<String> warnings = new ArrayList<>();
        if (toleratedCount > 0) {
            warnings.add(toleratedCount + (toleratedCount == 1 ? " sample" : " samples")
                    + " failed with a known error, counted as warnings ("
                    + tolerated.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (warmup > 0) {
            warnings.add(warmup + (warmup == 1 ? " sample" : " samples")
                    + " failed before the first success and are not counted (they are in the CSV)");
        }
        String churnWarning = churn.warning(deploy);
        if (churnWarning != null) {
            warnings.add(churnWarning);
        }
        // A few late starts are GC or JIT noise; more than 1 % means the instrument, not the target, struggled.
        if (lateStarts >= MIN_LATE_STARTS_WARNED && lateStarts * 100 > samples) {
            warnings.add(String.format(Locale.ROOT, "the instrument started %d of %d samples more than %d ms late"
                            + " (schedule lag p99 %.1f ms, max %.1f ms): it was overloaded, latency figures include it",
                    lateStarts, samples, lateStartMicros / 1000, millis(lag.getValueAtPercentile(99)),
                    millis(lag.getMaxValue())));
        }
        if (inFlightCapped > 0) {
            warnings.add(inFlightCapped + (inFlightCapped == 1 ? " sample was" : " samples were")
                    + " not sent because " + spec.maxInFlight() + (spec.maxInFlight() == 1 ? " check was" : " checks were")
                    + " still in flight (the in-flight cap): counted as failed at their scheduled times");
        }
        if (inconclusive > 0) {
            warnings.add(inconclusive + (inconclusive == 1 ? " sample was" : " samples were") + " taken while the control"
                    + " probe failed or answered late (" + inconclusiveFailures + " of them failed): inconclusive, the"
                    + " instrument was in trouble, so they count in neither the availability nor the outages");
        }
        if (judged == 0 && samples > 0) {
            warnings.add("every sample failed with a known error: availability cannot be judged");
        }
        return warnings;
    }

    private static Latency percentiles(Histogram histogram) {
        return new Latency(millis(histogram.getValueAtPercentile(50)), millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()));
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
