package vigil.sim.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private final RestartBackoff backoff = new RestartBackoff(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void restartsThreeCrashesAfterAMomentThenDoublesUpToTheCap() {
        List<Duration> delays = new ArrayList<>();
        for (int crash = 0; crash < 9; crash++) {
            delays.add(backoff.delayAfterCrash(null));
        }

        assertThat(delays).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(backoff.crashes()).isEqualTo(9);
    }

    @Test
    void staysAtTheCapForeverWithoutOverflowing() {
        Duration last = Duration.ZERO;
        for (int crash = 0; crash < 200; crash++) {
            last = backoff.delayAfterCrash(null);
        }

        assertThat(last).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void forgetsCrashesOfAnInstanceThatRanLongEnough() {
        for (int crash = 0; crash < 5; crash++) {
            backoff.delayAfterCrash(NOW.minusSeconds(1));
        }

        Duration delay = backoff.delayAfterCrash(NOW.minus(RestartBackoff.RESET_AFTER));

        assertThat(delay).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.crashes()).isEqualTo(1);
    }

    @Test
    void keepsCountingForAnInstanceThatCrashedSoonAfterBecomingHealthy() {
        for (int crash = 0; crash < 3; crash++) {
            backoff.delayAfterCrash(NOW.minusSeconds(29));
        }

        assertThat(backoff.delayAfterCrash(NOW.minusSeconds(29))).isEqualTo(Duration.ofSeconds(2));
    }
}
