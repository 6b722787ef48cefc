package vigil.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vigil.availability.DeployWatch;
import vigil.availability.DuringCommand;
import vigil.availability.DuringCommandException;
import vigil.availability.HttpProbe;
import vigil.availability.Measurement;
import vigil.availability.MeasurementResult;
import vigil.availability.NewConnectionSeries;
import vigil.config.LearningSettings;
import vigil.availability.ProbeLimits;
import vigil.availability.ProbeSpec;
import vigil.availability.ProbeTable;
import vigil.availability.ProbesNotLiveException;
import vigil.report.DuringResult;
import vigil.report.ReportLayout;
import vigil.report.RunReport;
import vigil.report.StagedReports;
import vigil.report.SummaryWriter;
import vigil.report.Thresholds;

/** {@code vigil monitor}: measures the availability of any URLs, without a CF, while a command runs or for a time. */
@Command(name = "monitor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Probe URLs on a fixed-rate schedule while a command runs (--during) or for a fixed time"
                + " (--duration), then judge each against the thresholds.",
                "Writes REPORTS/availability/NAME.csv (every sample), NAME.svg (timeline) and REPORTS/summary.json.",
                "Each URL is judged as the app-http probe of a run is, unless told otherwise: at least 99.5%% available"
                        + " and no outage longer than 2 s (--min-availability and --max-outage replace these;"
                        + " --no-thresholds measures only)."})
final class MonitorCommand implements Callable<Integer> {
    @ParentCommand
    private VigilCommand vigil;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "http(s) URLs to probe; a 2xx answer is a success.")
    private List<String> urls = List.of();

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "10",
            description = "Checks per second of each URL (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "2000",
            description = "A check without an answer this long after its scheduled time fails (default: ${DEFAULT-VALUE}).")
    private long timeoutMs;

    @Option(names = "--router-address", paramLabel = "HOST:PORT",
            description = "Connect here instead, sending the URL's host as Host (as to CF's gorouter).")
    private String routerAddress;

    @Option(names = "--during", paramLabel = "CMD",
            description = "Run CMD with sh -c once every URL has answered once, and measure until it ends.")
    private String during;

    @Option(names = "--duration", paramLabel = "D", converter = AgeConverter.class,
            description = "Measure for this long instead, e.g. 90s, 30m, 2h.")
    private Duration duration;

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "Written once every URL has answered once, for a pipeline that starts the deploy elsewhere.")
    private Path readyFile;

    @Option(names = "--skip-ssl-validation",
            description = "Accept any TLS certificate for any host, e.g. a dev environment's self-signed one"
                    + " (a warning says so).")
    private boolean skipSslValidation;

    @Option(names = "--live-timeout", paramLabel = "D", converter = AgeConverter.class, defaultValue = "60s",
            description = "How long the URLs get to answer once before the measurement starts (default: 60s).")
    private Duration liveTimeout;

    @Mixin
    private ThresholdOptions thresholdOptions = new ThresholdOptions();

    @Option(names = "--no-thresholds",
            description = "Measure only: judge no URL against any threshold (exit 0 unless the --during command"
                    + " fails); summary.json and the console say the thresholds were off.")
    private boolean noThresholds;

    @Option(names = "--known-error", paramLabel = "REGEX",
            description = "Errors matching REGEX (e.g. http_502, ^connection_reset$) count as warnings, not failures;"
                    + " repeatable.")
    private List<String> knownErrors = List.of();

    // Issue 15: the control probe and the fresh-connection series.
    @Option(names = "--no-control",
            description = "Leave out the control probe (a loopback endpoint Vigil serves and probes beside the URLs:"
                    + " samples taken while it fails or answers late are inconclusive, not outages).")
    private boolean noControl;

    @Option(names = "--no-new-connections",
            description = "Measure each URL over kept-alive connections only (by default each is also measured over a"
                    + " fresh connection per check, as NAME-new-conn, at the same rate: twice the requests).")
    private boolean noNewConnections;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "Earlier monitor runs' summary.json files: each URL gets the outage its history allows,"
                    + " max(P99 + 5 s, P99 x 1.2) over at least 5 runs, reported beside the thresholds.")
    private Path baselineDir;

    @Option(names = "--control-late", paramLabel = "MS", defaultValue = "500",
            description = "A control answer later than this marks the instrument as in trouble (default: ${DEFAULT-VALUE}).")
    private long controlLateMs;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "Where the reports go (default: ${DEFAULT-VALUE}).")
    private Path reportsDir;

    /** Issue 15: the outages earlier runs allow ({@code --baseline}), or null. */
    private RunBaseline baseline;

    /** The report in place, for a signal that comes after it was published. */
    private volatile RunReport published;

    @Override
    public Integer call() throws Exception {
        ProbeLimits limits = limits();
        baseline = baselineDir == null ? null : RunBaseline.read(baselineDir, LearningSettings.defaults());
        List<HttpProbe> probes = probes();
        // Said before the first probe is sent, not after: every request from here on skips verification.
        if (skipSslValidation) {
            vigil.err.println("vigil monitor: warning: --skip-ssl-validation: TLS certificates of the URLs are not"
                    + " verified");
        }
        // Written into a staging folder and put in place whole: no file of an earlier run mixes in.
        StagedReports staged = ReportsFolder.stage("--reports", reportsDir);
        try {
            return measure(probes, limits, staged);
        } finally {
            staged.discard();
        }
    }

    private int measure(List<HttpProbe> probes, ProbeLimits limits, StagedReports staged) throws Exception {
        ReportLayout layout = new ReportLayout(staged.dir());
        ReportLayout shown = new ReportLayout(reportsDir);
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        Measurement.Builder builder = Measurement.in(layout.availabilityDir()).clock(clock);
        probes.forEach(probe -> builder.probe(probe, limits));
        if (!noControl) {
            builder.control("vigil-control", Duration.ofMillis(controlLateMs));
        }
        DuringCommand command = during == null ? null : new DuringCommand(during, layout.duringLog(), clock);
        // Filled in once the probes have started: a signal while they start (a loopback server and HTTP clients,
        // some 100 ms on a cold JVM) writes an aborted summary with what there is.
        AtomicReference<Measurement> measuring = new AtomicReference<>();
        AtomicReference<DeployWatch> watching = new AtomicReference<>();
        DuringResult duringResult = null;
        String error = null;
        int exitCode;
        // Signals are handled until the command returns, the report writing included (see RunStop).
        RunStop stop = new RunStop(new RunStop.Takeover() {
            @Override
            public void abortRun(int code, boolean running) {
                abort(watching.get(), measuring.get(), command, staged, started, code);
            }

            @Override
            public void markPublishedAborted(int code) {
                markAborted(code);
            }
        }, System::exit);
        try (TerminationSignals signals = TerminationSignals.install(stop::signal)) {
            try {
                Measurement measurement = builder.start();
                measuring.set(measurement);
                DeployWatch watch = new DeployWatch(measurement, liveTimeout, readyFile);
                watching.set(watch);
                vigil.out.println("monitor: " + urls.size() + (urls.size() == 1 ? " URL" : " URLs") + " at "
                        + trim(rate) + " Hz; waiting for each to answer once (up to "
                        + AgeConverter.describe(liveTimeout) + ")");
                stop.running();
                try {
                    if (command != null) {
                        vigil.out.println("monitor: then running: " + during + " (output in " + shown.duringLog()
                                + ")");
                        duringResult = watch.runDuring(command);
                    } else {
                        watch.measureFor(duration);
                    }
                    exitCode = ExitCode.PASSED;
                } catch (ProbesNotLiveException e) {
                    error = e.getMessage();
                    exitCode = ExitCode.SETUP_FAILED;
                } catch (DuringCommandException e) {
                    error = e.getMessage();
                    duringResult = new DuringResult(during, null, clock.instant(), clock.instant());
                    exitCode = ExitCode.DURING_FAILED;
                }
                // A signal's thread that took over is writing the reports and ends the process; this one stops here.
                stop.reporting();
                MeasurementResult result = measurement.stop();
                if (baseline != null) {
                    vigil.out.println("monitor: " + baseline.describe());
                    result = new MeasurementResult(result.start(), result.end(), baseline.apply(result.probes(),
                            "monitor", during == null ? "" : during), result.timelines(), result.problems(),
                            result.written());
                }
                if (exitCode == ExitCode.PASSED && duringResult != null) {
                    String failure = DuringCommand.failure(duringResult, shown.duringLog());
                    if (failure != null) {
                        error = failure;
                        exitCode = ExitCode.DURING_FAILED;
                    }
                }
                if (exitCode == ExitCode.PASSED && !result.passed()) {
                    exitCode = ExitCode.FAILED;
                }
                int noted = stop.notedSignal();
                if (noted != 0) {
                    exitCode = noted;
                    error = "stopped by a signal while the reports were written";
                }
                report(staged, started, clock.instant(), result, duringResult, exitCode, error);
                int late = stop.published();
                if (late != 0 && noted == 0) {
                    markAborted(late);
                    exitCode = late;
                }
                stop.closing();
                return exitCode;
            } catch (Exception | Error e) {
                stop.failing();
                throw e;
            }
        }
    }

    /** On SIGINT/SIGTERM: stop the command and the probes, write what was measured with verdict aborted, exit. */
    private void abort(DeployWatch watch, Measurement measurement, DuringCommand command, StagedReports staged,
                       Instant started, int exitCode) {
        vigil.err.println("vigil monitor: stopping (" + (exitCode == ExitCode.INTERRUPTED ? "SIGINT" : "SIGTERM")
                + "): writing the results so far");
        if (watch != null) {
            watch.abort();
        }
        Instant now = Instant.now();
        MeasurementResult result = measurement != null ? measurement.stop()
                : new MeasurementResult(started, now, List.of(), List.of(), List.of(), 0);
        DuringResult duringResult = command == null ? null : new DuringResult(command.command(), null, started, now);
        report(staged, started, now, result, duringResult, exitCode, "stopped by a signal");
    }

    /** The reports are in place already: their summary.json says the monitor was stopped, as its exit code will. */
    private void markAborted(int exitCode) {
        RunReport report = published;
        if (report == null) {
            return;
        }
        Path summary = new ReportLayout(reportsDir).summaryJson();
        try {
            new SummaryWriter().write(summary, new RunReport(report.runId(), report.started(), report.finished(),
                    Set.of(), List.of(), ExitCode.verdict(exitCode), exitCode, "stopped by a signal as it ended",
                    report.availability(), report.during()));
        } catch (IOException | RuntimeException e) {
            vigil.err.println("vigil monitor: could not mark " + summary + " aborted: " + ErrorText.of(e));
        }
    }

    private void report(StagedReports staged, Instant started, Instant finished, MeasurementResult result,
                        DuringResult duringResult, int exitCode, String error) {
        RunReport report = new RunReport(runId(), started, finished, Set.of(), List.of(), ExitCode.verdict(exitCode),
                exitCode, error, result.probes(), duringResult);
        ReportLayout shown = new ReportLayout(reportsDir);
        try {
            new SummaryWriter().write(new ReportLayout(staged.dir()).summaryJson(), report);
            staged.publish(true);
            published = report;
        } catch (IOException | RuntimeException e) {
            vigil.err.println("vigil monitor: could not write " + shown.summaryJson() + ": " + ErrorText.of(e));
        }
        vigil.out.println();
        ProbeTable.lines(result.probes()).forEach(vigil.out::println);
        vigil.out.println();
        result.verdictLines().forEach(vigil.out::println);
        result.problems().forEach(problem -> vigil.err.println("vigil monitor: " + problem));
        if (error != null) {
            vigil.err.println("vigil monitor: " + error);
        }
        vigil.out.println("monitor: " + ExitCode.verdict(exitCode).id() + " (exit " + exitCode + "); samples in "
                + shown.availabilityDir() + ", summary in " + shown.summaryJson());
    }

    private ProbeLimits limits() throws UsageException {
        if (during != null && duration != null) {
            throw new UsageException("--during and --duration exclude each other: measure while a command runs"
                    + " (--during CMD) or for a fixed time (--duration D), not both");
        }
        if (during == null && duration == null) {
            throw new UsageException("say how long to measure: --during CMD (while a command runs, e.g. a deploy)"
                    + " or --duration D (e.g. --duration 5m)");
        }
        if (during != null && during.isBlank()) {
            throw new UsageException("--during: the command is empty");
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new UsageException("--duration: must be positive, got " + duration);
        }
        if (controlLateMs <= 0) {
            throw new UsageException("--control-late: must be a positive number of milliseconds, got " + controlLateMs);
        }
        if (timeoutMs <= 0) {
            throw new UsageException("--timeout: must be a positive number of milliseconds, got " + timeoutMs);
        }
        Thresholds thresholds = MonitorThresholds.of(thresholdOptions.thresholds(), noThresholds);
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : knownErrors) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new UsageException("--known-error: '" + regex + "' is not a regular expression: "
                        + e.getDescription());
            }
        }
        return noThresholds ? ProbeLimits.measuredOnly(MonitorThresholds.OFF) : new ProbeLimits(thresholds, patterns);
    }

    private List<HttpProbe> probes() throws UsageException {
        Set<String> names = new HashSet<>();
        List<HttpProbe> probes = new ArrayList<>();
        for (String url : urls) {
            URI uri;
            try {
                uri = new URI(url.trim());
            } catch (URISyntaxException e) {
                throw new UsageException("'" + url + "' is not a URL: " + e.getReason()
                        + " (write e.g. http://app.example.com/health)");
            }
            String name = uniqueName(nameOf(uri), names);
            try {
                probes.add(new HttpProbe(new ProbeSpec(name, url, rate, Duration.ofMillis(timeoutMs)), uri,
                        routerAddress, skipSslValidation));
                if (!noNewConnections) {
                    probes.add(HttpProbe.newConnections(new ProbeSpec(NewConnectionSeries.name(name), url, rate,
                            Duration.ofMillis(timeoutMs)), uri, routerAddress, skipSslValidation));
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage().replace("rate of probe " + name, "--rate")
                        .replace("probe " + name + ": ", ""));
            }
        }
        return probes;
    }

    /** {@code http://app.example.com:8080/health} is probe {@code app.example.com-8080-health}. */
    static String nameOf(URI uri) {
        String raw = (uri.getHost() == null ? "url" : uri.getHost()) + (uri.getPort() < 0 ? "" : "-" + uri.getPort())
                + (uri.getPath() == null ? "" : uri.getPath());
        String name = raw.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-._]+|-+$", "");
        name = name.isEmpty() ? "url" : name;
        return name.length() > 90 ? name.substring(0, 90) : name;
    }

    private static String uniqueName(String name, Set<String> taken) {
        String unique = name;
        for (int n = 2; !taken.add(unique); n++) {
            unique = name + "-" + n;
        }
        return unique;
    }

    private static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
