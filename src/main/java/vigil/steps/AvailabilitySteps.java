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
import java.time.Instant;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import vigil.availability.DeployWatch;
import vigil.availability.DuringCommand;
import vigil.availability.HttpProbe;
import vigil.availability.Measurement;
import vigil.availability.MeasurementResult;
import vigil.availability.ProbeLimits;
import vigil.availability.ProbeSpec;
import vigil.availability.ProbesNotLiveException;
import vigil.cf.PushedApp;
import vigil.report.AvailabilityResult;
import vigil.report.DuringResult;

/**
 * Availability while the platform changes under an app: probes at a fixed rate through the router (and at
 * the API) while a deploy or a fault happens, each sample kept; the figures land in summary.json.
 */
public final class AvailabilitySteps {
    private static final AtomicInteger MEASUREMENTS = new AtomicInteger();
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration LIVE_BOUND = Duration.ofSeconds(30);

    private final ScenarioContext context;
    private MeasurementResult result;
    private String appProbe;
    private String apiProbe;
    private String lookupProbe;

    public AvailabilitySteps(ScenarioContext context) {
        this.context = context;
    }

    @When("the platform is deployed while probes measure the app at {int} Hz and the API at {int} Hz")
    public void deployMeasured(int appHz, int apiHz) {
        RunScope run = context.run();
        if (run.duringCommand() == null && run.duration() == null) {
            measure(appHz, apiHz, () -> platform().deploy(true));
            return;
        }
        // The run's --during command or --duration is the window: DeployWatch waits for live probes, writes the
        // ready file, marks the deploy and runs the command (or waits the duration).
        measureWindow(appHz, apiHz, measurement -> {
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

    @When("the platform is deployed without evacuation while a probe measures the app at {int} Hz")
    public void deployWithoutEvacuation(int appHz) {
        measure(appHz, 0, () -> platform().deploy(false));
    }

    @When("a cell fails while a probe measures the app at {int} Hz until its instances run again")
    public void cellFails(int appHz) {
        measure(appHz, 0, () -> {
            platform().killCell(Duration.ofSeconds(30));
            awaitAllRunning(Duration.ofSeconds(60));
        });
    }

    @Then("the app was available at least {double}% of the time, with no outage longer than {double} s")
    public void appAvailable(double minPct, double maxOutageS) {
        AvailabilityResult app = probe(appProbe);
        assertThat(app.availabilityPct()).as("%s availability (%s)", app.name(), app.verdict()).isGreaterThanOrEqualTo(minPct);
        assertThat(app.longestOutageS()).as("%s longest outage (%s)", app.name(), app.verdict()).isLessThanOrEqualTo(maxOutageS);
    }

    @Then("the API was available at least {double}% of the time")
    public void apiAvailable(double minPct) {
        for (String name : new String[] {apiProbe, lookupProbe}) {
            AvailabilityResult api = probe(name);
            assertThat(api.availabilityPct()).as("%s availability (%s)", api.name(), api.verdict())
                    .isGreaterThanOrEqualTo(minPct);
        }
    }

    @Then("the instances that answered changed during the deploy")
    public void instancesChanged() {
        AvailabilityResult app = probe(appProbe);
        assertThat(app.warnings()).as("warnings of %s: a deploy that changed no instance is no evidence", app.name())
                .noneMatch(w -> w.contains("no instance changed"));
    }

    @Then("an outage of the app between {double} and {double} seconds was measured")
    public void outageMeasured(double minS, double maxS) {
        AvailabilityResult app = probe(appProbe);
        assertThat(app.longestOutageS()).as("longest outage measured by %s (%s)", app.name(), app.verdict())
                .isBetween(minS, maxS);
    }

    @Then("the app's instances all run again within {int} seconds")
    public void instancesRunAgain(int seconds) {
        awaitAllRunning(Duration.ofSeconds(seconds));
    }

    /** A measurement around one change: probes live (ready file written), the change marked as the deploy. */
    private void measure(int appHz, int apiHz, Runnable change) {
        measureWindow(appHz, apiHz, measurement -> {
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

    private void measureWindow(int appHz, int apiHz, Window window) {
        PushedApp app = context.app();
        int n = MEASUREMENTS.incrementAndGet();
        appProbe = "app-http-" + n;
        String scheme = context.config().useHttp() ? "http://" : "https://";
        Measurement.Builder builder = Measurement.in(context.run().reportsDir().resolve("availability"))
                .probe(new HttpProbe(new ProbeSpec(appProbe, context.requests().host(app) + "/", appHz, PROBE_TIMEOUT),
                        URI.create(scheme + context.requests().host(app) + "/"), context.config().routerAddress(),
                        context.config().skipSslValidation()),
                        ProbeLimits.NONE);
        ExecutorService lookups = Executors.newFixedThreadPool(2);
        if (apiHz > 0) {
            apiProbe = "cf-api-" + n;
            URI info = URI.create(context.config().api() + "/v3/info");
            builder.probe(new HttpProbe(new ProbeSpec(apiProbe, info.toString(), apiHz, PROBE_TIMEOUT), info, null,
                    context.config().skipSslValidation()),
                    ProbeLimits.NONE);
            lookupProbe = "cf-app-lookup-" + n;
            builder.probe(new AppLookupProbe(new ProbeSpec(lookupProbe, "GET /v3/apps/" + app.app().guid(), apiHz,
                    PROBE_TIMEOUT), context.cf(), app.app().guid(), lookups), ProbeLimits.NONE);
        }
        try (Measurement measurement = builder.start()) {
            try {
                window.run(measurement);
            } finally {
                result = measurement.stop();
                context.run().record(result.probes());
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
            lookups.shutdownNow();
        }
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

    private AvailabilityResult probe(String name) {
        return result.probes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no results of probe " + name));
    }

    private void awaitAllRunning(Duration bound) {
        PushedApp app = context.app();
        context.cf().processes().awaitAllRunning(app.app().guid(), app.app().name(), context.config().scaled(bound));
    }

    private PlatformChange platform() {
        return new PlatformChange(context.cf(), context.config());
    }
}
