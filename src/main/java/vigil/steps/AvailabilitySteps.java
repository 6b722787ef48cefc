package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.availability.DeployWatch;
import vigil.availability.DuringCommand;
import vigil.availability.HttpProbe;
import vigil.availability.Measurement;
import vigil.availability.MeasurementResult;
import vigil.availability.Probe;
import vigil.availability.ProbeLimits;
import vigil.availability.ProbeSpec;
import vigil.availability.ProbesNotLiveException;
import vigil.cf.PushedApp;
import vigil.cf.Space;
import vigil.availability.NewConnectionSeries;
import vigil.config.AvailabilitySettings;
import vigil.config.LearningSettings;
import vigil.config.ProbeSettings;
import vigil.report.AvailabilityResult;
import vigil.report.DuringResult;

/**
 * Availability while the platform changes under an app: probes at a fixed rate through the router (and at
 * the API, and optionally pushes and log reads) while a deploy or a fault happens, each sample kept; the figures
 * land in summary.json, each probe's timeline in the scenario's reports. Rates, timeouts, thresholds and known
 * errors come from the config's {@code availability} section ({@link AvailabilitySettings}).
 */
public final class AvailabilitySteps {
    private static final AtomicInteger MEASUREMENTS = new AtomicInteger();
    private static final Duration LIVE_BOUND = Duration.ofSeconds(30);
    private static final String SVG = "image/svg+xml";
    private static final Logger LOG = LoggerFactory.getLogger(AvailabilitySteps.class);

    private final ScenarioContext context;
    private MeasurementResult result;
    private final Map<String, String> probeNames = new LinkedHashMap<>();

    public AvailabilitySteps(ScenarioContext context) {
        this.context = context;
    }

    /**
     * Which probes a scenario runs, and whether they are judged against the configured thresholds; a probe not
     * judged is a self-check of the instrument, its reason in {@code selfCheck}.
     */
    private record Plan(boolean api, String selfCheck, Map<String, Duration> optional) {
        boolean judged() {
            return selfCheck == null;
        }

        /** The app, the API and the optional probes the config switches on, judged. */
        static Plan configured(AvailabilitySettings settings) {
            Map<String, Duration> optional = new LinkedHashMap<>();
            for (String name : List.of(AvailabilitySettings.PUSHABILITY, AvailabilitySettings.LOG_FRESHNESS,
                    AvailabilitySettings.LOG_STREAM)) {
                if (settings.probe(name).enabled()) {
                    optional.put(name, settings.probe(name).interval());
                }
            }
            return new Plan(true, null, optional);
        }
    }

    @When("the platform is deployed while the probes measure the app and the API")
    public void deployMeasured() {
        deployMeasured(Plan.configured(settings()));
    }

    @When("the platform is deployed while the probes measure the app and the API, pushes every {int} s and log"
            + " freshness every {int} s")
    public void deployMeasuredWithOptionalProbes(int pushEveryS, int logsEveryS) {
        deployMeasured(new Plan(true, null, Map.of(AvailabilitySettings.PUSHABILITY, Duration.ofSeconds(pushEveryS),
                AvailabilitySettings.LOG_FRESHNESS, Duration.ofSeconds(logsEveryS))));
    }

    // streaming logs (issue 13)
    @When("the platform is deployed while the probes measure the app and the API and stream its log every {int} s")
    public void deployMeasuredWithLogStream(int everyS) {
        deployMeasured(new Plan(true, null, Map.of(AvailabilitySettings.LOG_STREAM, Duration.ofSeconds(everyS))));
    }

    @Then("the log-stream probe took at least {int} samples, and every line it had the app write arrived on the stream")
    public void logStreamSampledWithoutLoss(int samples) {
        AvailabilityResult probe = probe(AvailabilitySettings.LOG_STREAM);
        assertThat(probe.samples()).as("samples of %s (%s)", probe.name(), probe.verdict()).isGreaterThanOrEqualTo(samples);
        assertThat(probe.failures()).as("lines of %s that did not arrive on the log stream in time (%s; outages %s)",
                probe.name(), probe.verdict(), probe.outages()).isZero();
    }

    private void deployMeasured(Plan plan) {
        RunScope run = context.run();
        if (run.duringCommand() == null && run.duration() == null) {
            measure(plan, () -> platform().deploy(true));
            return;
        }
        // The run's --during command or --duration is the window: DeployWatch waits for live probes, writes the
        // ready file, marks the deploy and runs the command (or waits the duration).
        measureWindow(plan, measurement -> {
            DeployWatch watch = new DeployWatch(measurement, context.config().scaled(LIVE_BOUND), run.readyFile());
            if (run.duration() != null) {
                // The change happens outside (another pipeline task, a fault script): the whole window is judged.
                measurement.markDeployStart();
                try {
                    watch.measureFor(run.duration());
                } finally {
                    measurement.markDeployEnd();
                }
                return;
            }
            DuringResult during = watch.runDuring(new DuringCommand(run.duringCommand(),
                    run.reportsDir().resolve("during.log"), Clock.systemUTC()));
            run.record(during);
            String failure = DuringCommand.failure(during, run.reportsDir().resolve("during.log"));
            if (failure != null) {
                throw new AssertionError("the --during command failed: " + failure);
            }
        });
    }

    @When("the platform is deployed without evacuation while a probe measures the app")
    public void deployWithoutEvacuation() {
        // The self-check of the instrument: the outage is the point, so the app's thresholds are not applied, and
        // summary.json marks the probe so that no gate applies them later.
        measure(new Plan(false, "self-check: a deploy without evacuation causes this outage on purpose; the scenario"
                + " checks that it was measured", Map.of()), () -> platform().deploy(false));
    }

    @When("a cell fails while a probe measures the app until its instances run again")
    public void cellFails() {
        measure(new Plan(false, null, Map.of()), () -> {
            platform().killCell(Duration.ofSeconds(30));
            awaitAllRunning(Duration.ofSeconds(60));
        });
    }

    @Then("every probe held its thresholds")
    public void everyProbeHeld() {
        List<AvailabilityResult> breached = result.probes().stream().filter(p -> !p.passed()).toList();
        if (!breached.isEmpty()) {
            throw new AssertionError("probes below their thresholds (config: availability.probes):\n  "
                    + String.join("\n  ", result.verdictLines()));
        }
    }

    @Then("the pushability and log-freshness probes each took at least {int} samples")
    public void optionalProbesSampled(int samples) {
        for (String kind : List.of(AvailabilitySettings.PUSHABILITY, AvailabilitySettings.LOG_FRESHNESS)) {
            AvailabilityResult probe = probe(kind);
            assertThat(probe.samples()).as("samples of %s (%s)", probe.name(), probe.verdict())
                    .isGreaterThanOrEqualTo(samples);
        }
    }

    @Then("the instances that answered changed during the deploy")
    public void instancesChanged() {
        AvailabilityResult app = probe(AvailabilitySettings.APP_HTTP);
        assertThat(app.warnings()).as("warnings of %s: a deploy that changed no instance is no evidence", app.name())
                .noneMatch(w -> w.contains("no instance changed"));
    }

    @Then("an outage of the app between {double} and {double} seconds was measured")
    public void outageMeasured(double minS, double maxS) {
        AvailabilityResult app = probe(AvailabilitySettings.APP_HTTP);
        assertThat(app.longestOutageS()).as("longest outage measured by %s (%s)", app.name(), app.verdict())
                .isBetween(minS, maxS);
    }

    @Then("the app's instances all run again within {int} seconds")
    public void instancesRunAgain(int seconds) {
        awaitAllRunning(Duration.ofSeconds(seconds));
    }

    /** A measurement around one change: probes live (ready file written), the change marked as the deploy. */
    private void measure(Plan plan, Runnable change) {
        measureWindow(plan, measurement -> {
            measurement.awaitLive(context.config().scaled(LIVE_BOUND));
            writeReadyFile();
            measurement.markDeployStart();
            try {
                change.run();
            } finally {
                measurement.markDeployEnd();
            }
        });
    }

    /** What happens while the probes run; it marks the deploy window itself. */
    @FunctionalInterface
    private interface Window {
        void run(Measurement measurement) throws Exception;
    }

    private void measureWindow(Plan plan, Window window) {
        PushedApp app = context.app();
        int n = MEASUREMENTS.incrementAndGet();
        String host = context.requests().host(app);
        String scheme = context.config().useHttp() ? "http://" : "https://";
        Measurement.Builder builder = Measurement.in(context.run().reportsDir().resolve("availability"));
        add(builder, plan, AvailabilitySettings.APP_HTTP, n, host + "/", spec -> new HttpProbe(spec,
                URI.create(scheme + host + "/"), context.config().routerAddress(), context.config().skipSslValidation()));
        learn(builder, plan, n, AvailabilitySettings.APP_HTTP, URI.create(scheme + host + "/"),
                context.config().routerAddress());
        // The CF calls of the probes run here; each probe's cap bounds how many of its checks wait at once.
        ExecutorService calls = Executors.newCachedThreadPool();
        PushabilityProbe pushes = null;
        if (plan.api()) {
            URI info = URI.create(context.config().api() + "/v3/info");
            add(builder, plan, AvailabilitySettings.CF_API, n, info.toString(), spec -> new HttpProbe(spec, info, null,
                    context.config().skipSslValidation()));
            learn(builder, plan, n, AvailabilitySettings.CF_API, info, null);
            add(builder, plan, AvailabilitySettings.CF_APP_LOOKUP, n, "GET /v3/apps/" + app.app().guid(),
                    spec -> new AppLookupProbe(spec, context.cf(), app.app().guid(), calls));
        }
        if (plan.optional().containsKey(AvailabilitySettings.LOG_FRESHNESS)) {
            add(builder, plan, AvailabilitySettings.LOG_FRESHNESS, n, "log-cache: newest line of " + app.app().name(),
                    spec -> new LogFreshnessProbe(spec, context.cf(), app.app().guid(), calls));
        }
        if (plan.optional().containsKey(AvailabilitySettings.PUSHABILITY)) {
            pushes = pushabilityProbe(builder, plan, n, calls);
        }
        LogStreamProbe[] logStream = new LogStreamProbe[1];
        if (plan.optional().containsKey(AvailabilitySettings.LOG_STREAM)) {
            add(builder, plan, AvailabilitySettings.LOG_STREAM, n, "log stream: lines of " + app.app().name(),
                    spec -> logStream[0] = new LogStreamProbe(spec, context.cf(), app.app().guid(), host,
                            context.requests(), calls));
        }
        try (Measurement measurement = builder.start()) {
            try {
                window.run(measurement);
            } finally {
                result = measurement.stop();
                context.run().record(result.probes());
                attachTimelines(result);
            }
        } catch (ProbesNotLiveException e) {
            throw new AssertionError("the probes never had a first success, so nothing was changed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the availability samples", e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (logStream[0] != null) {
                logStream[0].close();
            }
            calls.shutdown();
            if (pushes != null) {
                awaitPushesEnded(calls, pushes);
            }
            calls.shutdownNow();
        }
    }

    private PushabilityProbe pushabilityProbe(Measurement.Builder builder, Plan plan, int n, ExecutorService calls) {
        RunScope run = context.run();
        Space space = context.workspace().space();
        TestAppCycle cycle = new TestAppCycle(context.cf(), run.workspace().droplets(), context.config().freshStaging(),
                space, context.config().appsDomain());
        PushabilityProbe[] probe = new PushabilityProbe[1];
        add(builder, plan, AvailabilitySettings.PUSHABILITY, n, "push and delete the test app in " + space.name(),
                spec -> probe[0] = new PushabilityProbe(spec, cycle, () -> run.workspace().names().next("push"), calls));
        PushabilityProbe pushes = probe[0];
        // Whatever happens to the scenario, an app a check could not delete goes with the scenario's cleanup.
        context.workspace().removeAtEnd("the pushability probe's apps", () -> {
            List<String> left = pushes.removeLeftovers();
            if (!left.isEmpty()) {
                throw new IllegalStateException("the pushability probe's apps " + left + " could not be deleted");
            }
        });
        return pushes;
    }

    /** A push under way when the measurement stopped ends (and deletes its app) before the scenario's cleanup. */
    private void awaitPushesEnded(ExecutorService calls, PushabilityProbe pushes) {
        try {
            if (!calls.awaitTermination(pushes.spec().timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a push of the pushability probe was still running {} after the measurement; the scenario's"
                        + " cleanup deletes its app", pushes.spec().timeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds the probe of this kind, paced and judged as the config says (a scenario may set its interval). */
    private void add(Measurement.Builder builder, Plan plan, String kind, int n, String target,
                     Function<ProbeSpec, Probe> probe) {
        ProbeSettings settings = settings().probe(kind);
        Duration interval = plan.optional().get(kind);
        double rateHz = interval == null ? settings.rateHz() : 1e9 / interval.toNanos();
        int maxInFlight = settings.maxInFlight() != null ? settings.maxInFlight()
                : ProbeSpec.defaultMaxInFlight(rateHz, settings.timeout());
        String name = kind + "-" + n;
        probeNames.put(kind, name);
        builder.probe(probe.apply(new ProbeSpec(name, target, rateHz, settings.timeout(), maxInFlight)),
                plan.judged() ? new ProbeLimits(settings.thresholds(), settings.knownErrors())
                        : ProbeLimits.selfCheck(plan.selfCheck()));
    }

    /**
     * Issue 15: the HTTP probe of this kind also over a fresh connection per check ({@code NAME-new-conn}, same pace
     * and thresholds), and, once per measurement, the control probe ({@code vigil-control-N}), as the config says.
     */
    private void learn(Measurement.Builder builder, Plan plan, int n, String kind, URI url, String routerAddress) {
        LearningSettings learning = settings().learning();
        if (learning.control() && AvailabilitySettings.APP_HTTP.equals(kind)) {
            builder.control(NewConnectionSeries.CONTROL_PREFIX + n, learning.controlLate());
        }
        if (learning.newConnections()) {
            ProbeSettings probe = settings().probe(kind);
            ProbeSpec spec = new ProbeSpec(NewConnectionSeries.name(kind + "-" + n), url.toString(), probe.rateHz(),
                    probe.timeout(), probe.maxInFlight() != null ? probe.maxInFlight()
                    : ProbeSpec.defaultMaxInFlight(probe.rateHz(), probe.timeout()));
            builder.probe(HttpProbe.newConnections(spec, url, routerAddress, context.config().skipSslValidation()),
                    plan.judged() ? new ProbeLimits(probe.thresholds(), probe.knownErrors())
                            : ProbeLimits.selfCheck(plan.selfCheck()));
        }
    }

    private void attachTimelines(MeasurementResult measured) {
        for (Path timeline : measured.timelines()) {
            try {
                context.attach(Files.readAllBytes(timeline), SVG, "timeline " + timeline.getFileName());
            } catch (IOException e) {
                // The SVG is on disk; a report without its copy is no reason to fail the scenario.
                LOG.warn("cannot attach the timeline {} to the report: {}", timeline, e.getMessage());
            }
        }
    }

    private AvailabilitySettings settings() {
        return context.config().availability();
    }

    private void writeReadyFile() {
        Path ready = context.run().readyFile();
        if (ready != null) {
            try {
                Files.writeString(ready, "probes live at " + Instant.now() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the ready file " + ready, e);
            }
        }
    }

    /** The result of this scenario's probe of the given kind, e.g. {@code app-http}. */
    private AvailabilityResult probe(String kind) {
        String name = probeNames.get(kind);
        return result.probes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no results of a " + kind + " probe in this scenario"));
    }

    private void awaitAllRunning(Duration bound) {
        PushedApp app = context.app();
        context.cf().processes().awaitAllRunning(app.app().guid(), app.app().name(), context.config().scaled(bound));
    }

    private PlatformChange platform() {
        return new PlatformChange(context.cf(), context.config());
    }
}
