package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.availability.Samples.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The windows a failed or late control sample marks, and the holding of samples until the control passes them. */
class ControlGateTest {
    private final ControlGate gate = new ControlGate(Samples.INTERVAL, Duration.ofMillis(500));
    private final List<String> released = new ArrayList<>();
    private final int probe = gate.register((sample, inconclusive) -> released.add(sample.seq() + (inconclusive ? "?" : "")));

    @Test
    void holdsASampleUntilTheControlIsOneIntervalPastIt() {
        gate.sample(probe, Samples.ok(5));
        gate.control(Samples.ok(5));
        assertThat(released).isEmpty();
        gate.control(Samples.ok(6));
        assertThat(released).containsExactly("5");
    }

    @Test
    void aFailedControlMarksOneIntervalEitherSide() {
        for (long seq = 0; seq < 20; seq++) {
            gate.control(seq == 10 ? Samples.failed(seq, "timeout") : Samples.ok(seq));
        }
        assertThat(gate.inconclusive(at(8))).isFalse();
        assertThat(gate.inconclusive(at(9))).isTrue();
        assertThat(gate.inconclusive(at(10))).isTrue();
        assertThat(gate.inconclusive(at(11))).isTrue();
        assertThat(gate.inconclusive(at(12))).isFalse();
    }

    @Test
    void aLateControlAnswerMarksTheTimeItWasLate() {
        gate.control(Samples.ok(0));
        gate.control(Samples.late(1, 800)); // answered 0.8 s after it was due: the instrument stalled
        gate.control(Samples.ok(12));
        assertThat(gate.inconclusive(at(8))).isTrue();
        assertThat(gate.inconclusive(at(10))).isFalse();
    }

    @Test
    void flushReleasesWhatIsHeldInOrder() {
        gate.control(Samples.failed(0, "late"));
        gate.sample(probe, Samples.failed(0, "timeout"));
        gate.sample(probe, Samples.ok(5));
        gate.flush();
        assertThat(released).containsExactly("0?", "5");
    }
}
