package vigil.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import vigil.availability.Measurement;
import vigil.availability.MeasurementResult;
import vigil.availability.ProbeLimits;
import vigil.availability.ProbeSpec;
import vigil.availability.ProbesNotLiveException;
import vigil.availability.TcpExchange;
import vigil.availability.TcpProbe;
import vigil.config.AvailabilitySettings;
import vigil.config.ProbeSettings;
import vigil.report.AvailabilityResult;

/**
 * Availability of a TCP route while the embedded CF deploys itself: the {@code tcp-route} probe (a connection,
 * a line and its answer per check, at the config's {@code availability.probes.tcp-route} pace and thresholds),
 * samples and timeline written beside the other probes', figures in summary.json.
 */
public final class TcpAvailabilitySteps {
    private static final AtomicInteger MEASUREMENTS = new AtomicInteger();
    private static final Duration LIVE_BOUND = Duration.ofSeconds(30);
    private static final Duration AFTERWARDS = Duration.ofSeconds(2);
    /** The deploy waited for healthy instances already: a route still silent this long after it is broken. */
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(20);

    private final ScenarioContext context;
    private final TcpRoutingSteps tcp;
    private MeasurementResult result;

    public TcpAvailabilitySteps(ScenarioContext context, TcpRoutingSteps tcp) {
        this.context = context;
        this.tcp = tcp;
    }

    @When("the platform is deployed while a probe measures the TCP route")
    public void deployMeasured() {
        ProbeSettings settings = context.config().availability().probe(AvailabilitySettings.TCP_ROUTE);
        String host = TcpDomainOfRun.routerHost(context.config());
        int port = tcp.route().port();
        int maxInFlight = settings.maxInFlight() != null ? settings.maxInFlight()
                : ProbeSpec.defaultMaxInFlight(settings.rateHz(), settings.timeout());
        ProbeSpec spec = new ProbeSpec(AvailabilitySettings.TCP_ROUTE + "-" + MEASUREMENTS.incrementAndGet(),
                host + ":" + port + " (" + tcp.route().url() + ")", settings.rateHz(), settings.timeout(), maxInFlight);
        ExecutorService connections = Executors.newCachedThreadPool();
        Measurement.Builder builder = Measurement.in(context.run().reportsDir().resolve("availability"))
                .probe(new TcpProbe(spec, host, port, connections),
                        new ProbeLimits(settings.thresholds(), settings.knownErrors()));
        try (Measurement measurement = builder.start()) {
            try {
                measurement.awaitLive(context.config().scaled(LIVE_BOUND));
                measurement.markDeployStart();
                try {
                    new PlatformChange(context.cf(), context.config()).deploy(true);
                } finally {
                    measurement.markDeployEnd();
                }
                // Still measured: the route must carry bytes to the new instances, not only have survived the deploy.
                Awaitility.await("the TCP route " + spec.target() + " answering for " + AFTERWARDS.toSeconds()
                                + " s after the deploy")
                        .pollInSameThread().pollInterval(Duration.ofMillis(250)).during(AFTERWARDS)
                        .atMost(context.config().scaled(SETTLE_BOUND))
                        .until(() -> answers(host, port, settings.timeout()));
            } finally {
                result = measurement.stop();
                context.run().record(result.probes());
                attachTimelines();
            }
        } catch (ProbesNotLiveException e) {
            throw new AssertionError("the TCP route probe never had a first success, so nothing was deployed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the availability samples", e);
        } finally {
            connections.shutdownNow();
        }
    }

    private static boolean answers(String host, int port, Duration timeout) {
        try {
            return !TcpExchange.roundTrip(host, port, "after the deploy", timeout).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @Then("the TCP route probe held its thresholds")
    public void held() {
        List<AvailabilityResult> breached = result.probes().stream().filter(p -> !p.passed()).toList();
        if (!breached.isEmpty()) {
            throw new AssertionError("the TCP route probe is below its thresholds (config: availability.probes."
                    + AvailabilitySettings.TCP_ROUTE + "):\n  " + String.join("\n  ", result.verdictLines()));
        }
    }

    private void attachTimelines() {
        for (Path timeline : result.timelines()) {
            try {
                context.attach(Files.readAllBytes(timeline), "image/svg+xml", "timeline " + timeline.getFileName());
            } catch (IOException e) {
                // The SVG is on disk; a report without its copy is no reason to fail the scenario.
            }
        }
    }
}
