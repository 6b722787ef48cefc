package vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vigil.availability.DuringCommand;
import vigil.config.ConfigLoader;
import vigil.config.ConfigOverrides;
import vigil.config.LoadedConfig;
import vigil.config.VigilConfig;
import vigil.launch.RunOutcome;
import vigil.launch.RunPlan;
import vigil.launch.RunSession;
import vigil.report.AllureHistory;
import vigil.report.AllureHtmlGenerator;
import vigil.report.ConsoleProgress;
import vigil.report.JunitXmlWriter;
import vigil.report.ReportLayout;
import vigil.report.ReportWriter;
import vigil.report.RunReport;
import vigil.report.Shard;
import vigil.report.StagedReports;
import vigil.report.Suite;
import vigil.report.SummaryArchive;
import vigil.report.SummaryWriter;

/** {@code vigil run}: runs the selected suites against a CF (or the embedded one) and writes the reports. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the smoke, acceptance and availability suites in parallel against a CF.",
                "Target: --config FILE, environment variables (CF_API, CF_USERNAME, CF_PASSWORD, ...) and flags,"
                        + " flags over environment over file; or --sim for the embedded CF."})
final class RunCommand implements Callable<Integer> {
    /** CI systems kill a task some 10 to 30 s after SIGTERM: cleanup and reports must fit in that. */
    private static final Duration ABORT_CLEANUP_BOUND = Duration.ofSeconds(15);
    /** The folder of the --history folder where earlier runs' summaries are kept (issue 15). */
    private static final String SUMMARIES = "summaries";
    private static final Duration ABORT_REPORT_BOUND = Duration.ofSeconds(10);
    /** How long an abort waits for the scenarios to end once their org is gone, for complete Cucumber reports. */
    private static final Duration ABORT_SETTLE_BOUND = Duration.ofSeconds(3);

    @ParentCommand
    private VigilCommand vigil;

    @ArgGroup(exclusive = true)
    private Target target = new Target();

    static final class Target {
        @Option(names = "--config", paramLabel = "FILE",
                description = "Config file, YAML or JSON (a CATS integration_config.json works as it is).")
        Path config;

        @Option(names = "--sim", description = "Start the embedded CF in this process and run against it.")
        boolean sim;
    }

    @Option(names = "--suites", split = ",", paramLabel = "SUITE",
            description = "Suites to run: smoke, acceptance, availability (default: all).")
    private List<String> suites = List.of();

    @Option(names = "--tags", paramLabel = "EXPR",
            description = "Cucumber tag expression narrowing the suites, e.g. \"@routing and not @slow\".")
    private String tags;

    @Option(names = "--features", paramLabel = "DIR",
            description = "Run the .feature files in DIR (written with Vigil's steps) instead of the bundled ones.")
    private Path featuresDir;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Scenarios run at the same time (default: ${DEFAULT-VALUE}).")
    private int parallel;

    @Option(names = "--during", paramLabel = "CMD",
            description = "The deploy (or fault script) the availability suite measures, run with sh -c once its"
                    + " probes are live; its output goes to <reports>/during.log. Without it, the embedded CF's own"
                    + " platform deploy is used.")
    private String during;

    @Option(names = "--duration", paramLabel = "D", converter = AgeConverter.class,
            description = "Measure availability for this long (e.g. 2h) instead of running a deploy: for faults"
                    + " injected from outside, or a deploy started by another pipeline task.")
    private Duration duration;

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "Written once the availability probes are live, for a deploy started in another task.")
    private Path readyFile;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run the I-th of N equal parts of the selected scenarios (for N parallel pipeline tasks;"
                    + " availability scenarios all go to part 1); `vigil merge` joins the parts' reports.")
    private String shard;

    @Option(names = "--rerun-failed", paramLabel = "K", defaultValue = "0",
            description = "Run a failed smoke or acceptance scenario again, up to K times; one that passes on a rerun"
                    + " is reported flaky, not passed. Availability scenarios are never rerun (default: ${DEFAULT-VALUE}).")
    private int rerunFailed;

    @Option(names = "--fail-on-flaky",
            description = "A flaky scenario (failed, then passed on a rerun) fails the run (exit 1).")
    private boolean failOnFlaky;

    @Option(names = "--history", paramLabel = "DIR",
            description = "Keep Allure's history in DIR (created when missing) so the HTML report shows trends across"
                    + " runs: read before the report is generated, updated after.")
    private Path historyDir;

    @Option(names = "--no-html",
            description = "Leave out the Allure HTML report (allure-results, summary.json, JUnit and Cucumber are"
                    + " still written): for --shard runs, whose HTML `vigil merge` makes from the joined results.")
    private boolean noHtml;

    // Issue 15: the outage each probe's own history allows.
    @Option(names = "--baseline", paramLabel = "DIR",
            description = "Earlier runs' summary.json files (any folder of them, up to 3 deep): each availability probe"
                    + " gets the outage allowed by runs of its kind, max(P99 + 5 s, P99 x 1.2) of their longest"
                    + " outages (config availability.baseline), beside its fixed thresholds. Default with --history:"
                    + " the summaries kept there.")
    private Path baselineDir;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "Where the reports go (default: ${DEFAULT-VALUE}).")
    private Path reportsDir;

    @ArgGroup(exclusive = false, heading = "%nOverrides of config keys:%n")
    private Overrides overrides = new Overrides();

    static final class Overrides {
        @Option(names = "--api", paramLabel = "URL", description = "CF API (config key api).")
        String api;
        @Option(names = "--apps-domain", paramLabel = "DOMAIN", description = "Apps domain (apps_domain).")
        String appsDomain;
        @Option(names = "--admin-user", paramLabel = "USER", description = "Admin user (admin_user);"
                + " the password comes from the file or CF_PASSWORD only.")
        String adminUser;
        @Option(names = "--router-address", paramLabel = "HOST:PORT",
                description = "Connect here for app routes, sending the route as Host (router_address).")
        String routerAddress;
        @Option(names = "--skip-ssl-validation", arity = "0..1", paramLabel = "BOOL",
                description = "Accept any TLS certificate (skip_ssl_validation).")
        Boolean skipSslValidation;
        @Option(names = "--timeout-scale", paramLabel = "X", description = "Multiply every timeout (timeout_scale).")
        Double timeoutScale;
        @Option(names = "--name-prefix", paramLabel = "PREFIX", description = "Prefix of created names (name_prefix).")
        String namePrefix;

        ConfigOverrides toConfigOverrides() {
            return new ConfigOverrides(api, appsDomain, adminUser, routerAddress, skipSslValidation, timeoutScale,
                    namePrefix);
        }
    }

    /** Where Allure's history is kept, or {@code null} without {@code --history}. */
    private AllureHistory history;

    // Set as the run gets that far; read by a signal's thread that takes the run over (see RunStop).
    private volatile StagedReports staged;
    private volatile RunPlan runPlan;
    private volatile RunSession runSession;
    private volatile ConsoleProgress runProgress;
    private volatile RunReport published;

    @Override
    public Integer call() throws Exception {
        // First of all: a signal from here on ends the run with its code and an aborted summary.json.
        SignalTakeover takeover = new SignalTakeover();
        RunStop stop = new RunStop(takeover, System::exit);
        takeover.stop = stop;
        try (TerminationSignals signals = TerminationSignals.install(stop::signal)) {
            try {
                int exitCode = runToEnd(stop);
                stop.closing();
                return exitCode;
            } catch (Exception | Error e) {
                stop.failing();
                throw e;
            } finally {
                StagedReports unpublished = staged;
                if (unpublished != null) {
                    unpublished.discard();
                }
            }
        }
    }

    private int runToEnd(RunStop stop) throws Exception {
        requireTarget();
        // Before plan(), which makes the reports folder: a --history usage error leaves nothing behind.
        history = history();
        RunPlan plan = plan();
        runPlan = plan;
        if (target.sim) {
            try (EmbeddedTarget sim = EmbeddedTarget.start()) {
                // The embedded CF is the target: environment variables naming another CF must not redirect it.
                LoadedConfig loaded = new ConfigLoader(Map.of()).load(sim.configFile(), overrides.toConfigOverrides());
                return run(loaded, plan, stop);
            }
        }
        LoadedConfig loaded = new ConfigLoader(vigil.environment).load(target.config, overrides.toConfigOverrides());
        return run(loaded, plan, stop);
    }

    /** The staging folder of this run's reports: made by whichever comes first, the run or a signal's thread. */
    private synchronized StagedReports stage() throws UsageException {
        if (staged == null) {
            staged = ReportsFolder.stage("--reports", reportsDir);
        }
        return staged;
    }

    /** Without --sim, --config, CF_API or --api there is nothing to run against: say how to give a target. */
    private void requireTarget() throws UsageException {
        String api = vigil.environment.get("CF_API");
        if (!target.sim && target.config == null && overrides.api == null && (api == null || api.isBlank())) {
            throw new UsageException("no target: give --sim to run against the embedded CF (nothing to set up), or"
                    + " --config FILE for a CF (a Vigil config or a CATS integration_config.json; or set CF_API,"
                    + " CF_USERNAME, CF_PASSWORD and CF_APPS_DOMAIN)");
        }
    }

    private RunPlan plan() throws UsageException {
        if (parallel < 1) {
            throw new UsageException("--parallel: must be at least 1, got " + parallel);
        }
        if (rerunFailed < 0) {
            throw new UsageException("--rerun-failed: must be 0 or more, got " + rerunFailed
                    + "; e.g. --rerun-failed 2 runs a failed scenario at most twice more");
        }
        if (during != null && during.isBlank()) {
            throw new UsageException("--during: the command is empty; give the deploy command, e.g."
                    + " --during \"bosh -d cf deploy cf.yml\"");
        }
        ReportsFolder.check("--reports", reportsDir);
        if (during != null && duration != null) {
            throw new UsageException("--during and --duration: give one; --during runs the deploy and measures until it"
                    + " ends, --duration measures a fixed time");
        }
        Set<Suite> selected = suites();
        Optional<Shard> part = shard();
        // The run writes into a staging folder of its own; the reports go in place whole at the end.
        StagedReports staging = stage();
        return new RunPlan(selected, Optional.ofNullable(tags), Optional.ofNullable(featuresDir), parallel,
                staging.dir(), Optional.ofNullable(during), Optional.ofNullable(duration),
                Optional.ofNullable(readyFile), part, rerunFailed);
    }

    private Optional<Shard> shard() throws UsageException {
        if (shard == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Shard.parse(shard));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--shard: " + e.getMessage());
        }
    }

    private AllureHistory history() throws UsageException {
        if (historyDir == null) {
            return null;
        }
        if (noHtml) {
            throw new UsageException("--history and --no-html exclude each other: Allure's history is carried forward"
                    + " by making the HTML report; leave out one of them");
        }
        try {
            return AllureHistory.open(historyDir);
        } catch (IOException e) {
            throw new UsageException("--history: " + e.getMessage() + "; give a folder this user can write");
        }
    }

    private AllureHtmlGenerator allureHtml(Duration timeout) {
        if (noHtml) {
            return null;
        }
        AllureHtmlGenerator generator = new AllureHtmlGenerator(timeout);
        return history == null ? generator : generator.withHistory(history);
    }

    private Set<Suite> suites() throws UsageException {
        if (suites.isEmpty()) {
            return EnumSet.allOf(Suite.class);
        }
        Set<Suite> selected = EnumSet.noneOf(Suite.class);
        for (String name : suites) {
            selected.add(Suite.fromId(name.trim()).orElseThrow(() -> new UsageException("--suites: unknown suite '"
                    + name.trim() + "'; choose from smoke, acceptance, availability")));
        }
        return selected;
    }

    private int run(LoadedConfig loaded, RunPlan plan, RunStop stop) throws Exception {
        loaded.warnings().forEach(warning -> vigil.err.println("warning: " + warning));
        VigilConfig config = loaded.config();
        ConsoleProgress progress = new ConsoleProgress(vigil.out, ConsoleProgress.isTerminal(vigil.environment))
                .wallTimeFrom(JvmStart.instant());
        runProgress = progress;
        RunBaseline baseline = baseline(config);
        RunSession session = new RunSession(config, plan, progress, Clock.systemUTC());
        runSession = session;
        stop.running();
        RunOutcome outcome = session.execute();
        // A signal's thread that took over while the scenarios ran ends the process; this thread stops here.
        stop.reporting();
        if (baseline != null && !outcome.availability().isEmpty()) {
            vigil.out.println(baseline.describe());
            outcome = baseline.apply(outcome, plan.during().orElse(""));
        }
        if (plan.shard().isPresent() && outcome.scenarios().isEmpty() && outcome.setupFailure().isEmpty()) {
            vigil.out.println("vigil run: shard " + plan.shard().get() + " has no scenario of this selection (more"
                    + " shards than scenarios); nothing to run, which is not a failure");
        }
        String error = outcome.setupFailure().map(failure -> SetupFailureText.of(failure, target.config, config))
                .orElse(null);
        int exitCode = report(outcome, session.leftBehind(), ExitCode.of(outcome, failOnFlaky), plan, progress,
                AllureHtmlGenerator.DEFAULT_TIMEOUT, error, stop);
        sayLeftBehind(session);
        if (historyDir != null) {
            keepSummary(plan);
        }
        return exitCode;
    }

    /** Issue 15: the baseline of this run, from --baseline or the --history folder's summaries; null without. */
    private RunBaseline baseline(VigilConfig config) throws UsageException {
        Path dir = baselineDir != null ? baselineDir : historyDir != null ? historyDir.resolve(SUMMARIES) : null;
        return dir == null ? null : RunBaseline.read(dir, config.availability().learning());
    }

    /** Issue 15: --history also keeps this run's summary.json, for the next runs' baselines. */
    private void keepSummary(RunPlan plan) {
        try {
            SummaryArchive.keep(new ReportLayout(plan.reportsDir()).summaryJson(), historyDir.resolve(SUMMARIES));
        } catch (IOException e) {
            vigil.err.println("vigil run: warning: could not keep summary.json in " + historyDir.resolve(SUMMARIES)
                    + " for later baselines: " + e.getMessage());
        }
    }

    /** On SIGINT/SIGTERM, on the signal's thread: see {@link RunStop} for when this, and not the main thread, ends. */
    private final class SignalTakeover implements RunStop.Takeover {
        private RunStop stop;

        @Override
        public void abortRun(int exitCode, boolean running) {
            String signal = exitCode == ExitCode.INTERRUPTED ? "SIGINT" : "SIGTERM";
            vigil.err.println("vigil run: stopping (" + signal + "): removing what the run created, then writing the"
                    + " reports");
            RunSession session = runSession;
            RunOutcome outcome = running && session != null ? session.abort(ABORT_CLEANUP_BOUND)
                    : new RunOutcome(RunSession.newRunId(), Instant.now(), Instant.now(), List.of(), Optional.empty(),
                    true, List.of(), null);
            StagedReports staging;
            try {
                staging = stage();
            } catch (UsageException e) {
                vigil.err.println("vigil run: " + e.getMessage());
                return;
            }
            stop.awaitMainStopped(ABORT_SETTLE_BOUND);
            // A scenario thread still finishing may write into the staging folder after it is published: gone too.
            Runtime.getRuntime().addShutdownHook(new Thread(staging::discardLeftovers, "vigil-staging-leftovers"));
            ConsoleProgress progress = runProgress != null ? runProgress : new ConsoleProgress(vigil.out, false);
            List<String> leftBehind = session == null ? List.of() : session.leftBehind();
            report(outcome, leftBehind, exitCode, runPlan, progress, ABORT_REPORT_BOUND,
                    "stopped by " + signal + (running ? "" : " before any scenario ran"), null);
            if (session != null) {
                sayLeftBehind(session);
            }
        }

        @Override
        public void markPublishedAborted(int exitCode) {
            markAborted(exitCode);
        }
    }

    /** The reports are in place already: their summary.json says the run was stopped, as the exit code will. */
    private void markAborted(int exitCode) {
        RunReport report = published;
        if (report == null) {
            return;
        }
        String signal = exitCode == ExitCode.INTERRUPTED ? "SIGINT" : "SIGTERM";
        Path summary = new ReportLayout(reportsDir).summaryJson();
        try {
            new SummaryWriter().write(summary, aborted(report, exitCode, "stopped by " + signal
                    + " after the reports were written"));
            vigil.err.println("vigil run: stopped (" + signal + ") as it ended; " + summary + " says aborted");
        } catch (IOException | RuntimeException e) {
            vigil.err.println("vigil run: stopped (" + signal + "), but could not mark " + summary + " aborted: "
                    + ErrorText.of(e));
        }
    }

    private static RunReport aborted(RunReport report, int exitCode, String error) {
        return new RunReport(report.runId(), report.started(), report.finished(), report.suites(), report.scenarios(),
                ExitCode.verdict(exitCode), exitCode, error, report.availability(), report.during(), report.shard(),
                report.leftBehind());
    }

    /** What the run could not remove (its CF went away, or stopped accepting its token): named, with the way out. */
    private void sayLeftBehind(RunSession session) {
        for (String thing : session.leftBehind()) {
            vigil.err.println("vigil run: could not remove " + thing);
        }
        if (!session.leftBehind().isEmpty()) {
            vigil.err.println("vigil run: once the CF answers again, 'vigil cleanup --config FILE' removes what runs"
                    + " left (named <prefix>-<runid>-...; see its --older-than)");
        }
    }

    /**
     * Writes the reports into the staging folder, puts them in place whole, says on stderr why the run did not pass
     * when that is not a scenario, and returns the exit code: the run's own, {@link ExitCode#SETUP_FAILED} for a
     * passed run whose summary.json could not be written or put in place (a pipeline must not take a run without
     * its gate file for a passed one), or a signal's that came meanwhile.
     *
     * @param stop the main thread's {@link RunStop}; {@code null} on a signal's thread that took over
     */
    private int report(RunOutcome outcome, List<String> leftBehind, int exitCode, RunPlan plan,
                       ConsoleProgress progress, Duration allureTimeout, String error, RunStop stop) {
        StagedReports staging = staged;
        ReportLayout shown = new ReportLayout(reportsDir);
        Set<Suite> suites = plan == null ? EnumSet.allOf(Suite.class) : plan.suites();
        Shard part = plan == null ? null : plan.shard().orElse(null);
        RunReport report = runReport(outcome, exitCode, suites, part, error, leftBehind);
        List<Path> written = new ReportWriter(new SummaryWriter(), new JunitXmlWriter(), allureHtml(allureTimeout))
                .write(staging.dir(), report, vigil.err);
        int finalCode = exitCode;
        int signalled = stop == null ? 0 : stop.notedSignal();
        if (signalled != 0) {
            finalCode = signalled;
            report = aborted(report, signalled, "stopped by " + (signalled == ExitCode.INTERRUPTED ? "SIGINT"
                    : "SIGTERM") + " while the reports were written");
            written = rewriteSummary(staging, report, written);
        }
        boolean ranAnything = !report.scenarios().isEmpty() || !report.availability().isEmpty();
        List<Path> inPlace = List.of();
        try {
            inPlace = staging.publish(ranAnything);
        } catch (IOException | RuntimeException e) {
            vigil.err.println("vigil run: could not put the reports in place in " + reportsDir + ": "
                    + StagedReports.reason(e instanceof IOException io ? io : new IOException(e)) + " (they are in "
                    + staging.dir() + ")");
        }
        if (error != null) {
            vigil.err.println("vigil run: " + error);
        } else if (finalCode == ExitCode.DURING_FAILED && outcome.during() != null) {
            vigil.err.println("vigil run: " + DuringCommand.failure(outcome.during(), shown.duringLog()));
        }
        if (finalCode == ExitCode.PASSED && !(written.contains(new ReportLayout(staging.dir()).summaryJson())
                && inPlace.contains(shown.summaryJson()))) {
            finalCode = ExitCode.SETUP_FAILED;
            String lost = "the scenarios passed, but " + shown.summaryJson() + " could not be written (see above), so"
                    + " no gate can read this run; free space or fix the permissions of " + reportsDir
                    + " and run again";
            vigil.err.println("vigil run: " + lost);
            report = runReport(outcome, finalCode, suites, part, lost, leftBehind);
        }
        if (!ranAnything && Files.isDirectory(reportsDir.resolve(StagedReports.PREVIOUS))) {
            vigil.out.println("vigil run: the last reports with results are kept in "
                    + reportsDir.resolve(StagedReports.PREVIOUS));
        }
        Path html = shown.allureHtml();
        progress.finish(report, inPlace.contains(shown.allureReportDir()) && Files.exists(html) ? html : null);
        if (stop != null) {
            published = report;
            int late = stopPublished(stop);
            if (late != 0 && signalled == 0) {
                markAborted(late);
                finalCode = late;
            }
        }
        return finalCode;
    }

    private static int stopPublished(RunStop stop) {
        try {
            return stop.published();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private List<Path> rewriteSummary(StagedReports staging, RunReport report, List<Path> written) {
        Path summary = new ReportLayout(staging.dir()).summaryJson();
        try {
            new SummaryWriter().write(summary, report);
            return written.contains(summary) ? written
                    : java.util.stream.Stream.concat(written.stream(), java.util.stream.Stream.of(summary)).toList();
        } catch (IOException | RuntimeException e) {
            vigil.err.println("vigil: could not write summary.json (" + summary + "): " + ErrorText.of(e));
            return written.stream().filter(path -> !path.equals(summary)).toList();
        }
    }

    private static RunReport runReport(RunOutcome outcome, int exitCode, Set<Suite> suites, Shard shard, String error,
                                       List<String> leftBehind) {
        return new RunReport(outcome.runId(), outcome.started(), outcome.finished(), suites,
                outcome.scenarios(), ExitCode.verdict(exitCode), exitCode, error, outcome.availability(),
                outcome.during(), shard, leftBehind);
    }
}
