package vigil.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import vigil.cf.AppRoutes;
import vigil.cf.CfClient;
import vigil.cf.CfTarget;
import vigil.cf.ResourceNames;
import vigil.cf.RunWorkspace;
import vigil.config.VigilConfig;
import vigil.report.ConsoleProgress;
import vigil.report.ScenarioResult;
import vigil.steps.RunScope;

/**
 * One run: select the scenarios, connect to the CF and log in, run the scenarios in parallel.
 * A selection problem is thrown before anything touches the CF; a CF that cannot be reached or
 * refuses the login ends the run as a setup failure with no scenario run.
 */
public final class RunSession {
    private static final String RUN_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final VigilConfig config;
    private final RunPlan plan;
    private final Clock clock;
    private final String runId = newRunId();
    private final ScenarioListener listener;
    private final ConsoleProgress progress;
    private final AtomicBoolean aborted = new AtomicBoolean();
    private volatile Instant started;
    private volatile RunWorkspace workspace;
    /** Counted down once the run has its CF workspace, or will never have one: what an abort waits for. */
    private final CountDownLatch setupSettled = new CountDownLatch(1);

    public RunSession(VigilConfig config, RunPlan plan, ConsoleProgress progress, Clock clock) {
        this.config = config;
        this.plan = plan;
        this.clock = clock;
        this.listener = new ScenarioListener(plan.suites(), progress);
        this.progress = progress;
    }

    /**
     * Stops the run from another thread (a signal handler): removes what the run created in the CF, waiting at
     * most {@code cleanupBound}, and returns what happened until now. Scenarios still running fail as their
     * org disappears; the process is expected to exit right after.
     */
    public RunOutcome abort(Duration cleanupBound) {
        aborted.set(true);
        // A run logging in or creating its org as the signal came: what it creates must be removed too. (Once
        // aborted, execute() creates nothing more, so this wait is short.)
        try {
            setupSettled.await(cleanupBound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RunWorkspace created = workspace;
        if (created != null) {
            Thread cleanup = new Thread(created::close, "vigil-abort-cleanup");
            cleanup.setDaemon(true);
            cleanup.start();
            try {
                cleanup.join(cleanupBound.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Instant start = started == null ? clock.instant() : started;
        return new RunOutcome(runId, start, clock.instant(), listener.results(), Optional.empty(), true);
    }

    public RunOutcome execute() throws SelectionException {
        Instant started = clock.instant();
        this.started = started;
        try {
            return executeStarted(started);
        } finally {
            setupSettled.countDown();
        }
    }

    private RunOutcome executeStarted(Instant started) throws SelectionException {
        // Discovery must finish before the CF is touched; loading the HTTP stack meanwhile saves start-up time.
        CompletableFuture<Void> httpStack = CompletableFuture.runAsync(CfClient::warmUp);
        try (FeatureLauncher launcher = new FeatureLauncher(plan, CatsGroups.excluded(config))) {
            long scenarios = launcher.discover();
            httpStack.join();
            createReportsFolder(plan.reportsDir());
            if (scenarios == 0 || aborted.get()) {
                // A shard left without scenarios (more shards than scenarios): nothing to run, nothing to create.
                return new RunOutcome(runId, started, clock.instant(), List.of(), Optional.empty(), aborted.get());
            }
            RunWorkspace workspace;
            try {
                workspace = openWorkspace(connectAndLogIn(), runId);
            } catch (RuntimeException setupFailure) {
                return new RunOutcome(runId, started, clock.instant(), List.of(), Optional.of(setupFailure), false);
            }
            this.workspace = workspace;
            setupSettled.countDown();
            if (aborted.get()) {
                // Stopped while logging in: the abort removes the workspace; no scenario starts.
                return new RunOutcome(runId, started, clock.instant(), List.of(), Optional.empty(), true);
            }
            AllureResults.writeTo(plan.reportsDir().resolve("allure-results"));
            AllureEnvironment.write(plan.reportsDir().resolve("allure-results"), config, runId);
            RunScope scope = RunScope.open(config, runId, workspace, new AppRoutes(config.routerAddress(),
                    config.useHttp(), CfTarget.from(config).connection()), plan.reportsDir(), plan.during().orElse(null),
                    plan.duration().orElse(null), plan.readyFile().orElse(null));
            try {
                launcher.execute(listener);
                List<ScenarioResult> results = new FailedScenarioReruns(plan.rerunFailed(),
                        (ids, attempt) -> launcher.rerun(ids, new ScenarioListener(plan.suites(), progress, attempt),
                                attempt), progress, aborted::get)
                        .apply(listener.attempts());
                return new RunOutcome(runId, started, clock.instant(), results, Optional.empty(), aborted.get(),
                        scope.availability(), scope.during());
            } finally {
                RunScope.close();
                workspace.close();
            }
        }
    }

    /**
     * What the run created and could not remove at its end (or its abort), each naming the thing and why; empty
     * when everything went, or nothing was created.
     */
    public List<String> leftBehind() {
        RunWorkspace created = workspace;
        return created == null ? List.of() : created.leftBehind();
    }

    /** Reach the API and log in once, so an unreachable target or bad credentials fail fast and clearly. */
    private CfClient connectAndLogIn() {
        CfClient cf = CfClient.connect(CfTarget.from(config));
        cf.logIn();
        return cf;
    }

    /** The run's own org (or the configured existing one) and the app that holds its cached droplets. */
    private RunWorkspace openWorkspace(CfClient cf, String runId) {
        ResourceNames names = new ResourceNames(config.namePrefix(), runId);
        String existingOrg = config.useExistingOrganization() ? config.existingOrganization() : null;
        return RunWorkspace.open(cf, names, existingOrg, existingOrg == null ? null : config.existingSpace());
    }

    private static void createReportsFolder(Path reportsDir) {
        try {
            Files.createDirectories(reportsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the reports folder " + reportsDir.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A new run id: 6 characters, no look-alikes (0/o, 1/l). */
    public static String newRunId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(RUN_ID_ALPHABET.charAt(random.nextInt(RUN_ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
