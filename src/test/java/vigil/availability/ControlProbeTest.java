package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.report.AvailabilityResult;

/**
 * The control probe: while it fails (the instrument's own trouble), the other probes' samples are inconclusive and
 * no outage; failures outside its windows stay outages.
 */
class ControlProbeTest {
    private static final Duration LATE = Duration.ofMillis(500);

    @TempDir
    Path dir;

    /** Answers by its own check number: the checks in {@code failing} fail with {@code kind}. */
    private static final class Scripted implements Probe {
        private final ProbeSpec spec;
        private final LongPredicate failing;
        private final String kind;
        private final AtomicLong fired = new AtomicLong();

        Scripted(String name, LongPredicate failing, String kind) {
            this.spec = new ProbeSpec(name, "scripted", 20, Duration.ofMillis(500));
            this.failing = failing;
            this.kind = kind;
        }

        @Override
        public ProbeSpec spec() {
            return spec;
        }

        @Override
        public CompletableFuture<ProbeOutcome> fire(Instant scheduled) {
            long n = fired.getAndIncrement();
            return CompletableFuture.completedFuture(failing.test(n) ? ProbeOutcome.failure(null, kind, null)
                    : ProbeOutcome.success(200, null));
        }
    }

    @Test
    void failuresWhileTheControlFailsAreInconclusiveAndOthersStayOutages() throws Exception {
        // 20 Hz: checks 10-19 (0.5-1.0 s) fail while the control fails (8-21); checks 30-39 (1.5-2.0 s) fail alone.
        Scripted target = new Scripted("app", n -> n >= 10 && n < 20 || n >= 30 && n < 40, "connection_refused");
        Scripted control = new Scripted("control", n -> n >= 8 && n < 22, "late");
        Measurement measurement = Measurement.in(dir).probe(target).control(control, LATE).start();
        await("50 checks of the scripted probe").atMost(Duration.ofSeconds(20)).until(() -> target.fired.get() >= 50);
        MeasurementResult result = measurement.stop();

        AvailabilityResult app = result.probes().get(0);
        assertThat(app.outageCount()).as(app.verdict()).isEqualTo(1);
        assertThat(app.outages().get(0).durationS()).isCloseTo(0.5, within(0.06));
        assertThat(app.outages().get(0).cause()).isEqualTo("connection refused");
        assertThat(app.failures()).isEqualTo(10);
        assertThat(app.inconclusiveFailures()).isEqualTo(10);
        assertThat(app.inconclusive()).isBetween(10L, 16L);
        assertThat(app.samples() + app.inconclusive()).isGreaterThanOrEqualTo(50);
        assertThat(app.warnings()).anyMatch(w -> w.contains("inconclusive"));

        AvailabilityResult controlResult = result.probes().get(1);
        assertThat(controlResult.role()).isEqualTo(AvailabilityResult.CONTROL);
        assertThat(controlResult.failures()).isEqualTo(14);

        List<String> csv = Files.readAllLines(dir.resolve("app.csv"));
        assertThat(csv.get(0)).endsWith(",inconclusive");
        assertThat(csv).filteredOn(line -> line.endsWith(",true")).hasSize((int) (long) app.inconclusive());
        assertThat(csv).filteredOn(line -> line.contains(",connection_refused,") && line.endsWith(",true")).hasSize(10);
        assertThat(Files.readString(dir.resolve("app.svg"))).contains("class=\"inconclusive\"");
    }

    @Test
    void theLoopbackControlAnswersBesideARealProbe() throws Exception {
        try (FakeServer server = FakeServer.start()) {
            Measurement measurement = Measurement.in(dir)
                    .probe(new HttpProbe(new ProbeSpec("app", "fake", 20, Duration.ofSeconds(1)), server.url("/"), null))
                    .control("vigil-control", LATE).start();
            measurement.awaitLive(Duration.ofSeconds(10));
            long armed = server.requests();
            await("10 more requests").atMost(Duration.ofSeconds(10)).until(() -> server.requests() >= armed + 10);
            MeasurementResult result = measurement.stop();

            AvailabilityResult control = result.probes().get(1);
            assertThat(control.name()).isEqualTo("vigil-control");
            assertThat(control.control()).isTrue();
            assertThat(control.samples()).isGreaterThanOrEqualTo(10);
            assertThat(control.target()).contains(ControlEndpoint.PATH);
            assertThat(result.probes().get(0).connection()).isEqualTo(HttpProbe.REUSED);
        }
    }
}
