package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A probe may have at most its cap of checks running; a check due beyond it fails at its scheduled time. */
class InFlightCapTest {

    /** A probe whose first {@code hanging} checks never answer by themselves, and whose later ones answer at once. */
    private static final class HangingProbe implements Probe {
        private final ProbeSpec spec;
        private final int hanging;
        private final AtomicInteger fired = new AtomicInteger();
        private final List<CompletableFuture<ProbeOutcome>> hung = new CopyOnWriteArrayList<>();

        HangingProbe(ProbeSpec spec, int hanging) {
            this.spec = spec;
            this.hanging = hanging;
        }

        @Override
        public ProbeSpec spec() {
            return spec;
        }

        @Override
        public CompletableFuture<ProbeOutcome> fire(Instant scheduled) {
            if (fired.incrementAndGet() <= hanging) {
                CompletableFuture<ProbeOutcome> answer = new CompletableFuture<>();
                hung.add(answer);
                return answer;
            }
            return CompletableFuture.completedFuture(ProbeOutcome.success(200, null));
        }

        void release() {
            hung.forEach(answer -> answer.complete(ProbeOutcome.success(200, null)));
        }
    }

    @Test
    void checksDueWhileTheCapIsRunningFailAtTheirScheduledTimesAndSendingResumesOnceTheyEnd() {
        // 50 Hz with a 5 s timeout, and only 2 checks may run at once: the first 2 hang until released.
        Duration timeout = Duration.ofSeconds(5);
        HangingProbe probe = new HangingProbe(new ProbeSpec("capped", "test", 50, timeout, 2), 2);
        List<Sample> samples = new CopyOnWriteArrayList<>();
        try (ProbeScheduler scheduler = new ProbeScheduler(Clock.systemUTC())) {
            scheduler.start(probe, samples::add);
            await("10 samples capped").atMost(Duration.ofSeconds(5))
                    .until(() -> samples.stream().filter(s -> kind(s).equals("in_flight_cap")).count() >= 10);
            assertThat(probe.fired).as("checks sent while 2 hang").hasValue(2);
            probe.release();
            await("a success after the hung checks ended").atMost(Duration.ofSeconds(5))
                    .until(() -> samples.stream().anyMatch(s -> s.outcome().ok()));
            scheduler.stop(Duration.ofSeconds(1));
        }
        List<Sample> ordered = samples.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
        // Every scheduled time has its sample: the capped ones are failures, not gaps (no coordinated omission).
        for (int i = 0; i < ordered.size(); i++) {
            assertThat(ordered.get(i).seq()).isEqualTo(i);
        }
        assertThat(ordered.subList(0, 2)).as("the hung checks, released").allMatch(s -> s.outcome().ok());
        Sample firstCapped = ordered.get(2);
        assertThat(kind(firstCapped)).isEqualTo("in_flight_cap");
        // Failed at its own scheduled time, 2 intervals after the first, at once rather than after a timeout.
        assertThat(Duration.between(ordered.get(0).scheduled(), firstCapped.scheduled())).isEqualTo(Duration.ofMillis(40));
        assertThat(firstCapped.latencyMicros()).isLessThan(timeout.toNanos() / 1000);
        assertThat(ordered).filteredOn(s -> s.seq() >= 2 && s.seq() < 12).allMatch(s -> kind(s).equals("in_flight_cap"));
        assertThat(probe.fired.get()).isGreaterThan(2);
    }

    @Test
    void defaultCapAllowsEveryCheckThatCanBeDueWithinTwoTimeouts() {
        assertThat(ProbeSpec.defaultMaxInFlight(10, Duration.ofSeconds(2))).isEqualTo(41);
        assertThat(ProbeSpec.defaultMaxInFlight(1.0 / 60, Duration.ofSeconds(60))).isEqualTo(3);
        assertThat(ProbeSpec.defaultMaxInFlight(5000, Duration.ofSeconds(10))).isEqualTo(ProbeSpec.MAX_IN_FLIGHT);
        assertThat(new ProbeSpec("p", "t", 10, Duration.ofSeconds(2)).maxInFlight()).isEqualTo(41);
    }

    @Test
    void capIsCountedAsInstrumentHealthWithAWarning() {
        ProbeSpec spec = new ProbeSpec("capped", "test", 10, Duration.ofMillis(100), 1);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        ProbeTally tally = new ProbeTally(spec, ProbeLimits.NONE, new DeployWindow(), Duration.ofMillis(10), t0);
        tally.accept(new Sample(0, t0, t0, 1000, ProbeOutcome.success(200, null)));
        for (int i = 1; i <= 3; i++) {
            Instant at = t0.plusMillis(100L * i);
            tally.accept(new Sample(i, at, at, 0, ProbeOutcome.failure(null, "in_flight_cap", null)));
        }
        var result = tally.finish();
        assertThat(result.inFlightCapped()).isEqualTo(3);
        assertThat(result.failures()).isEqualTo(3);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("3 samples were not sent because 1 check was still in flight"));
    }

    private static String kind(Sample sample) {
        return String.valueOf(sample.outcome().error());
    }
}
