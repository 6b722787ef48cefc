package vigil.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vigil.availability.HttpProbe;
import vigil.availability.Measurement;
import vigil.availability.MeasurementResult;
import vigil.availability.NewConnectionSeries;
import vigil.availability.ProbeLimits;
import vigil.availability.ProbeSpec;
import vigil.report.FileTrees;
import vigil.report.RunReport;
import vigil.report.Summary;
import vigil.report.SummaryReadException;
import vigil.report.SummaryReader;
import vigil.report.SummaryWriter;
import vigil.report.Verdict;

/**
 * {@code vigil watch}: runs the smoke suite (or any selection) on a fixed schedule, each run's reports in a folder of
 * its own (the newest {@code --keep} kept), optionally probes URLs without pause between the runs, and serves what it
 * saw at {@code http://127.0.0.1:PORT/metrics} in Prometheus's text format.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a suite on a schedule (--every), keep each run's reports, and serve Prometheus metrics.",
                "Alert rules for the metrics: monitoring/vigil-alerts.yml. SIGINT/SIGTERM stop it; a run under way"
                        + " then ends as an interrupted 'vigil run' does (cleanup, reports, exit 130/143)."})
final class WatchCommand implements Callable<Integer> {
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Duration MIN_EVERY = Duration.ofSeconds(1);

    @ParentCommand
    private VigilCommand vigil;

    @ArgGroup(exclusive = true)
    private Target target = new Target();

    static final class Target {
        @Option(names = "--config", paramLabel = "FILE", description = "The CF to run against (as for 'vigil run').")
        Path config;
        @Option(names = "--sim", description = "Start the embedded CF once and run against it.")
        boolean sim;
    }

    @Option(names = "--every", paramLabel = "D", converter = AgeConverter.class, defaultValue = "5m",
            description = "Start a run this often, e.g. 5m (default: 5m). A run longer than that delays the next.")
    private Duration every;

    @Option(names = "--suites", paramLabel = "LIST", defaultValue = "smoke",
            description = "Suites of each run (default: ${DEFAULT-VALUE}); 'none' for probes only.")
    private String suites;

    @Option(names = "--tags", paramLabel = "EXPR", description = "Tag expression of each run, as for 'vigil run'.")
    private String tags;

    @Option(names = "--probe", paramLabel = "URL",
            description = "Also probe URL without pause (repeatable), reused and fresh connections, with a control probe.")
    private List<String> probeUrls = new ArrayList<>();

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "1",
            description = "Checks per second of each --probe URL and connection kind (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "2000",
            description = "A --probe check without an answer this long after its time fails (default: ${DEFAULT-VALUE}).")
    private long timeoutMs;

    @Option(names = "--skip-ssl-validation",
            description = "Accept any TLS certificate of the --probe URLs (a warning says so).")
    private boolean skipSslValidation;

    @Option(names = "--metrics-port", paramLabel = "N", defaultValue = "9464",
            description = "Serve /metrics on 127.0.0.1:N (default: ${DEFAULT-VALUE}; 0 takes a free port).")
    private int metricsPort;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "48",
            description = "Keep the reports of the newest N runs (default: ${DEFAULT-VALUE}).")
    private int keep;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "0",
            description = "Stop after N runs (default: 0, until stopped).")
    private int maxRuns;

    @Option(names = "--html", description = "Make each run's Allure HTML report too (a JVM's worth of CPU per run).")
    private boolean html;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports/watch",
            description = "Each run's reports go to DIR/<time>-<n>/ (default: ${DEFAULT-VALUE}).")
    private Path reportsDir;

    private final AtomicInteger started = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile int lastExitCode = ExitCode.PASSED;
    private volatile int signalCode;
    private Measurement window;
    private Path windowDir;
    private Instant windowStart;

    @Override
    public Integer call() throws Exception {
        List<URI> urls = check();
        if (target.sim) {
            try (EmbeddedTarget sim = EmbeddedTarget.start()) {
                return watch(sim.configFile(), urls);
            }
        }
        return watch(target.config, urls);
    }

    private List<URI> check() throws UsageException {
        if (every.compareTo(MIN_EVERY) < 0) {
            throw new UsageException("--every: must be at least 1s, got " + AgeConverter.describe(every));
        }
        if (keep < 1 || maxRuns < 0 || metricsPort < 0 || metricsPort > 65535 || timeoutMs <= 0) {
            throw new UsageException("--keep must be 1 or more, --runs 0 or more, --metrics-port 0 to 65535 and"
                    + " --timeout positive; got " + keep + ", " + maxRuns + ", " + metricsPort + ", " + timeoutMs);
        }
        if (!probesOnly() && !target.sim && target.config == null && !vigil.environment.containsKey("CF_API")) {
            throw new UsageException("say which CF to run against: --config FILE, --sim, or CF_API and the other CF_*"
                    + " variables (or --suites none to only probe URLs)");
        }
        if (probesOnly() && probeUrls.isEmpty()) {
            throw new UsageException("--suites none needs at least one --probe URL: there would be nothing to watch");
        }
        ReportsFolder.check("--reports", reportsDir);
        if (skipSslValidation && !probeUrls.isEmpty()) {
            vigil.err.println("vigil watch: warning: --skip-ssl-validation: TLS certificates of the --probe URLs are not"
                    + " verified");
        }
        List<URI> urls = new ArrayList<>();
        for (String url : probeUrls) {
            try {
                urls.add(new URI(url.trim()));
            } catch (URISyntaxException e) {
                throw new UsageException("--probe: '" + url + "' is not a URL: " + e.getReason());
            }
        }
        return urls;
    }

    private boolean probesOnly() {
        return suites.trim().equalsIgnoreCase("none");
    }

    private int watch(Path config, List<URI> urls) throws Exception {
        WatchMetrics metrics = new WatchMetrics(every);
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vigil-watch");
            thread.setDaemon(true);
            return thread;
        });
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(metricsPort, metrics::render);
             TerminationSignals signals = TerminationSignals.install(code -> {
                 signalCode = code;
                 done.countDown();
             })) {
            vigil.out.println("watch: every " + AgeConverter.describe(every) + (probesOnly() ? "" : ", suites " + suites
                    + (tags == null ? "" : " tags " + tags)) + (urls.isEmpty() ? "" : ", probing " + urls.size()
                    + (urls.size() == 1 ? " URL" : " URLs") + " at " + rate + " Hz") + "; reports in " + reportsDir);
            vigil.out.println("watch: metrics at http://127.0.0.1:" + endpoint.port() + "/metrics");
            // Fixed rate on one thread: runs never overlap; one that takes longer than --every delays the next.
            schedule.scheduleAtFixedRate(() -> tick(config, urls, metrics), 0, every.toNanos(), TimeUnit.NANOSECONDS);
            done.await();
            schedule.shutdown();
            // A run under way is let finish (its own signal handling ends the process if a signal came meanwhile).
            schedule.awaitTermination(365, TimeUnit.DAYS);
            closeWindow(metrics);
        }
        if (signalCode != 0) {
            vigil.err.println("vigil watch: stopped (" + (signalCode == ExitCode.INTERRUPTED ? "SIGINT" : "SIGTERM")
                    + ") after " + metrics.runs() + " runs");
            return signalCode;
        }
        return lastExitCode;
    }

    private void tick(Path config, List<URI> urls, WatchMetrics metrics) {
        if (done.getCount() == 0) {
            return;
        }
        int n = started.incrementAndGet();
        Instant start = Clock.systemUTC().instant();
        Path folder = reportsDir.resolve(FOLDER.format(start) + "-" + String.format(Locale.ROOT, "%04d", n));
        try {
            Files.createDirectories(folder);
            if (!urls.isEmpty()) {
                rotateWindow(urls, folder, metrics);
            }
            if (!probesOnly()) {
                runSuites(config, folder, start, n, metrics);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            vigil.err.println("vigil watch: run " + n + ": " + ErrorText.of(e));
            lastExitCode = ExitCode.SETUP_FAILED;
        } catch (Error e) {
            // A scheduled task that throws is never run again: end the watch, saying why, rather than hang.
            vigil.err.println("vigil watch: run " + n + ": " + e + "; stopping");
            lastExitCode = ExitCode.SETUP_FAILED;
            done.countDown();
            throw e;
        }
        if (maxRuns > 0 && n >= maxRuns) {
            done.countDown();
        }
    }

    private void runSuites(Path config, Path folder, Instant start, int n, WatchMetrics metrics) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "--suites", suites, "--reports", folder.toString()));
        if (config != null) {
            args.addAll(List.of("--config", config.toString()));
        }
        if (tags != null) {
            args.addAll(List.of("--tags", tags));
        }
        if (!html) {
            args.add("--no-html");
        }
        int code;
        try (OutputStream file = Files.newOutputStream(folder.resolve("run.log"));
             PrintStream log = new PrintStream(file, true, StandardCharsets.UTF_8)) {
            code = VigilCommand.execute(log, log, vigil.environment, args.toArray(String[]::new));
        }
        Instant end = Clock.systemUTC().instant();
        Summary summary = null;
        try {
            summary = new SummaryReader().read(folder.resolve("summary.json"));
        } catch (SummaryReadException e) {
            vigil.err.println("vigil watch: run " + n + ": " + e.getMessage());
        }
        metrics.runEnded(start, end, code, summary);
        lastExitCode = code;
        vigil.out.println("watch: run " + n + " " + ExitCode.verdict(code).id() + " (exit " + code + ") in "
                + String.format(Locale.ROOT, "%.1f s", Duration.between(start, end).toMillis() / 1000.0)
                + "; reports in " + folder + (code == ExitCode.PASSED ? "" : ", output in " + folder.resolve("run.log")));
    }

    /** Starts the next window of the continuous probes in {@code folder}, then ends the last one. */
    private void rotateWindow(List<URI> urls, Path folder, WatchMetrics metrics) throws IOException {
        Measurement.Builder builder = Measurement.in(folder.resolve("probes").resolve("availability"))
                .control("vigil-control", Measurement.DEFAULT_CONTROL_LATE);
        for (URI url : urls) {
            String name = MonitorCommand.nameOf(url);
            ProbeSpec reused = new ProbeSpec(name, url.toString(), rate, Duration.ofMillis(timeoutMs));
            ProbeSpec fresh = new ProbeSpec(NewConnectionSeries.name(name), url.toString(), rate,
                    Duration.ofMillis(timeoutMs));
            builder.probe(new HttpProbe(reused, url, null, skipSslValidation), ProbeLimits.NONE)
                    .probe(HttpProbe.newConnections(fresh, url, null, skipSslValidation), ProbeLimits.NONE);
        }
        Measurement next = builder.start();
        closeWindow(metrics);
        window = next;
        windowDir = folder.resolve("probes");
        windowStart = Clock.systemUTC().instant();
        metrics.windowStarted(next::counts);
    }

    /** Ends the window under way, writes its summary.json and adds it to the metrics. */
    private void closeWindow(WatchMetrics metrics) {
        if (window == null) {
            return;
        }
        MeasurementResult result = window.stop();
        metrics.windowEnded(result.probes());
        RunReport report = new RunReport("watch-" + windowStart.toEpochMilli(), windowStart, result.end(), Set.of(),
                List.of(), result.passed() ? Verdict.PASSED : Verdict.FAILED, result.passed() ? 0 : 1, null,
                result.probes(), null);
        try {
            new SummaryWriter().write(windowDir.resolve("summary.json"), report);
        } catch (IOException e) {
            vigil.err.println("vigil watch: cannot write " + windowDir.resolve("summary.json") + ": " + e.getMessage());
        }
        window = null;
    }

    /**
     * Removes the oldest run folders beyond --keep (their names sort by time). The window under way writes into the
     * newest folder, which --keep (at least 1) always keeps.
     */
    private void prune() throws IOException {
        List<Path> runs;
        try (Stream<Path> list = Files.list(reportsDir)) {
            runs = list.filter(Files::isDirectory).sorted().toList();
        }
        for (int i = 0; i < runs.size() - keep; i++) {
            FileTrees.deleteRecursively(runs.get(i));
        }
    }
}
