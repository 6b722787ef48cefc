package vigil.availability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vigil.report.AvailabilityResult;
import vigil.report.AvailabilityResult.Outage;

/**
 * One availability measurement: its probes firing on their schedules, samples streaming to
 * {@code <dir>/NAME.csv}, and at the end a result per probe and a timeline {@code <dir>/NAME.svg}.
 *
 * <pre>{@code
 * Measurement measurement = Measurement.in(layout.availabilityDir())
 *         .probe(new HttpProbe(new ProbeSpec("app-http", url, 10, Duration.ofSeconds(2)), URI.create(url), router),
 *                 ProbeLimits.of(new Thresholds(99.5, 10.0, null, null)))
 *         .start();
 * new DeployWatch(measurement, Duration.ofMinutes(2), readyFile).runDuring(deployCommand); // or measureFor
 * MeasurementResult result = measurement.stop();
 * }</pre>
 * Steps that drive the deploy themselves call {@link #awaitLive}, {@link #markDeployStart} and
 * {@link #markDeployEnd} directly. {@link #stop} may be called from another thread (a signal handler)
 * and more than once: the first call produces the result, later ones return it.
 */
public final class Measurement implements AutoCloseable {
    /** A start later than this after its scheduled time counts as a late start (the instrument's own health). */
    public static final Duration DEFAULT_LATE_START = Duration.ofMillis(10);
    /** A control answer later than this marks the instrument as in trouble (loopback answers in about 1 ms). */
    public static final Duration DEFAULT_CONTROL_LATE = Duration.ofMillis(500);
    private static final double MIN_CONTROL_HZ = 10;
    private static final ProbeLimits CONTROL_LIMITS = ProbeLimits.measuredOnly("the control probe measures Vigil"
            + " itself; while it fails, the other probes' samples are inconclusive");
    private static final double MAX_CONTROL_HZ = 100;

    private final Clock clock;
    private final Path dir;
    private final ProbeScheduler scheduler;
    private final SampleWriter writer;
    private final DeployWindow deploy = new DeployWindow();
    private final List<Probed> probes = new ArrayList<>();
    private final Instant started;
    private MeasurementResult result;
    // Issue 15: the control probe (null without one), its gate over the other probes' samples, its endpoint.
    private final Probed control;
    private final ControlGate gate;
    private final ControlEndpoint controlEndpoint;

    private record Probed(Probe probe, ProbeTally tally, int file) {
    }

    /** Builds a measurement whose files go to {@code availabilityDir}. */
    public static Builder in(Path availabilityDir) {
        return new Builder(availabilityDir);
    }

    /** Collects the probes; {@link #start()} starts them all. */
    public static final class Builder {
        private final Path dir;
        private final List<Probe> probes = new ArrayList<>();
        private final List<ProbeLimits> limits = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration lateStart = DEFAULT_LATE_START;
        private String controlName;
        private Probe controlProbe;
        private Duration controlLate = DEFAULT_CONTROL_LATE;

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
        }

        public Builder probe(Probe probe, ProbeLimits probeLimits) {
            probes.add(Objects.requireNonNull(probe, "probe"));
            limits.add(Objects.requireNonNull(probeLimits, "probeLimits"));
            return this;
        }

        public Builder probe(Probe probe) {
            return probe(probe, ProbeLimits.NONE);
        }

        /** The wall clock the samples' times are taken from (the schedule itself runs on the monotonic clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder lateStart(Duration threshold) {
            this.lateStart = Objects.requireNonNull(threshold, "threshold");
            return this;
        }

        /**
         * Adds a control probe named {@code name}: a loopback endpoint Vigil serves for the measurement, checked on
         * the same scheduler and HTTP client as the others, at the highest of their rates (at least 10 Hz). A
         * sample of another probe taken while the control failed or answered later than {@code late} is
         * inconclusive (see {@link ControlGate}); the control's own result comes last, with role {@code control}.
         */
        public Builder control(String name, Duration late) {
            this.controlName = Objects.requireNonNull(name, "name");
            this.controlLate = Objects.requireNonNull(late, "late");
            return this;
        }

        /** As {@link #control(String, Duration)} with a control probe of the caller's (tests inject failures so). */
        Builder control(Probe probe, Duration late) {
            this.controlProbe = Objects.requireNonNull(probe, "probe");
            this.controlLate = Objects.requireNonNull(late, "late");
            return this;
        }

        /**
         * Creates the CSV files and starts every probe.
         *
         * @throws IllegalArgumentException when there is no probe or two have the same name
         * @throws IOException              when the CSV files cannot be created
         */
        public Measurement start() throws IOException {
            if (probes.isEmpty()) {
                throw new IllegalArgumentException("a measurement needs at least one probe");
            }
            Set<String> names = new HashSet<>();
            for (Probe probe : probes) {
                if (!names.add(probe.spec().name())) {
                    throw new IllegalArgumentException("two probes are named " + probe.spec().name()
                            + ": names must be unique, they name the probes' files");
                }
            }
            return new Measurement(this);
        }
    }

    private Measurement(Builder builder) throws IOException {
        this.clock = builder.clock;
        this.dir = builder.dir;
        this.writer = new SampleWriter(dir);
        this.scheduler = new ProbeScheduler(clock);
        this.started = clock.instant();
        ControlEndpoint endpoint = null;
        Probed controlProbed = null;
        try {
            for (int i = 0; i < builder.probes.size(); i++) {
                Probe probe = builder.probes.get(i);
                ProbeTally tally = new ProbeTally(probe.spec(), builder.limits.get(i), deploy, builder.lateStart,
                        started).describedAs(null, probe.connection());
                probes.add(new Probed(probe, tally, writer.open(probe.spec().name())));
            }
            Probe controlProbe = builder.controlProbe;
            if (controlProbe == null && builder.controlName != null) {
                endpoint = ControlEndpoint.start();
                controlProbe = new HttpProbe(controlSpec(builder), endpoint.url(), null);
            }
            if (controlProbe != null) {
                ProbeTally tally = new ProbeTally(controlProbe.spec(), CONTROL_LIMITS, deploy, builder.lateStart,
                        started).describedAs(AvailabilityResult.CONTROL, null);
                controlProbed = new Probed(controlProbe, tally, writer.open(controlProbe.spec().name()));
            }
        } catch (IOException | RuntimeException e) {
            writer.close();
            scheduler.close();
            if (endpoint != null) {
                endpoint.close();
            }
            throw e;
        }
        this.controlEndpoint = endpoint;
        this.control = controlProbed;
        this.gate = control == null ? null
                : new ControlGate(Duration.ofNanos(control.probe().spec().intervalNanos()), builder.controlLate);
        if (control != null) {
            // First, so that its schedule is under way before the samples it judges arrive.
            InOrderRelease release = new InOrderRelease(sample -> {
                control.tally().accept(sample);
                writer.submit(control.file(), sample);
                gate.control(sample);
            });
            scheduler.start(control.probe(), release::accept);
        }
        for (Probed probed : probes) {
            InOrderRelease release;
            if (gate == null) {
                release = new InOrderRelease(sample -> {
                    probed.tally().accept(sample);
                    writer.submit(probed.file(), sample);
                });
            } else {
                int gated = gate.register((sample, inconclusive) -> {
                    probed.tally().accept(sample, inconclusive);
                    writer.submit(probed.file(), sample, inconclusive);
                });
                release = new InOrderRelease(sample -> gate.sample(gated, sample));
            }
            scheduler.start(probed.probe(), release::accept);
        }
    }

    /** The control checks at least as often as the fastest probe, and gives up no later than the quickest one. */
    private static ProbeSpec controlSpec(Builder builder) {
        double rate = builder.probes.stream().mapToDouble(p -> p.spec().rateHz()).max().orElse(MIN_CONTROL_HZ);
        Duration timeout = builder.probes.stream().map(p -> p.spec().timeout()).min(Duration::compareTo)
                .orElse(Duration.ofSeconds(2));
        return new ProbeSpec(builder.controlName, "Vigil's own loopback endpoint " + ControlEndpoint.PATH,
                Math.min(MAX_CONTROL_HZ, Math.max(MIN_CONTROL_HZ, rate)), timeout);
    }

    public Instant started() {
        return started;
    }

    /** Every probe's figures so far (the control's last), without stopping anything: for a live view. */
    public List<ProbeCounts> counts() {
        Instant now = clock.instant();
        return all().stream().map(p -> p.tally().counts(now)).toList();
    }

    /** Whether every probe has had a successful check. */
    public boolean live() {
        return probes.stream().allMatch(p -> p.tally().live()) && (control == null || control.tally().live());
    }

    /** The probes without a successful check yet, each with its latest error, e.g. {@code app-http (http_404)}. */
    public String notLive() {
        return all().stream().filter(p -> !p.tally().live())
                .map(p -> p.probe().spec().name() + " (" + (p.tally().lastError() == null ? "no answer yet"
                        : p.tally().lastError()) + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Waits until every probe has had a successful check, so that the deploy never starts before the
     * instrument can see it.
     *
     * @throws ProbesNotLiveException when that takes longer than {@code bound}
     */
    public void awaitLive(Duration bound) throws ProbesNotLiveException {
        LiveWait.await(this, bound);
    }

    /** Marks the deploy (or fault) as started now; returns the time marked. */
    public Instant markDeployStart() {
        Instant now = clock.instant();
        deploy.markStart(now);
        return now;
    }

    /** Marks the deploy as ended now; returns the time marked. */
    public Instant markDeployEnd() {
        Instant now = clock.instant();
        deploy.markEnd(now);
        return now;
    }

    /**
     * Stops the probes, waits for the checks in flight (each ends by its timeout), closes the CSV files, writes
     * the timelines and returns the results.
     */
    public synchronized MeasurementResult stop() {
        if (result != null) {
            return result;
        }
        Duration longestTimeout = all().stream().map(p -> p.probe().spec().timeout()).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        boolean drained = scheduler.stop(longestTimeout.plusSeconds(1));
        scheduler.close();
        if (gate != null) {
            gate.flush();
        }
        if (controlEndpoint != null) {
            controlEndpoint.close();
        }
        writer.close();
        Instant end = clock.instant();
        List<AvailabilityResult> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!drained) {
            problems.add("some checks had not ended 1 s after their timeout; their samples are missing");
        }
        if (writer.lost() > 0) {
            problems.add(writer.lost() + " samples were not written to the CSV files: the disk did not keep up");
        }
        if (writer.failure() != null) {
            problems.add("the CSV files in " + dir + " are incomplete: " + writer.failure());
        }
        List<Path> timelines = new ArrayList<>();
        for (Probed probed : all()) {
            AvailabilityResult probeResult = probed.tally().finish();
            results.add(probeResult);
            String title = probeResult.name() + ": " + ProbeVerdict.percent(probeResult.availabilityPct(),
                    probeResult.failures()) + " available, " + probeResult.samples() + " samples ("
                    + ProbeVerdict.outages(new ProbeVerdict.Figures(probeResult.name(), probeResult.samples(),
                    probeResult.failures(), probeResult.availabilityPct(), probeResult.outageCount(),
                    longest(probeResult), null)) + ")";
            Path svg = dir.resolve(probeResult.name() + ".svg");
            try {
                timelines.add(TimelinePlot.write(svg, new TimelinePlot.Content(title, probed.tally().timeline(), end,
                        probeResult.outages(), deploy.start(), deploy.end())));
            } catch (IOException | RuntimeException e) {
                problems.add("cannot write the timeline " + svg + ": " + e.getMessage());
            }
        }
        result = new MeasurementResult(started, end, results, timelines, problems, writer.written());
        return result;
    }

    /** The probes, then the control probe if there is one. */
    private List<Probed> all() {
        if (control == null) {
            return probes;
        }
        List<Probed> all = new ArrayList<>(probes);
        all.add(control);
        return all;
    }

    // The kept outages are the longest ones, so the longest of all is among them.
    private static Outage longest(AvailabilityResult r) {
        return r.outages().stream().max(Comparator.comparingDouble(Outage::durationS)).orElse(null);
    }

    /** Stops the probes if {@link #stop} was not called. */
    @Override
    public void close() {
        stop();
    }
}
