package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final Instant T0 = Samples.T0;

    @Test
    void aggregatesSamplesPerSecond() {
        Timeline timeline = new Timeline(T0);
        for (int i = 0; i < 30; i++) {
            timeline.accept(T0.plusMillis(100L * i), i >= 10 && i < 15, false, 4_000);
        }

        assertThat(timeline.buckets()).hasSize(3);
        assertThat(timeline.buckets().get(1).failures()).isEqualTo(5);
        assertThat(timeline.buckets().get(1).failureShare()).isEqualTo(0.5);
        assertThat(timeline.buckets().get(0).p99LatencyMs()).isBetween(4.0, 4.0 * 1.26);
    }

    @Test
    void aLongRunMergesBucketsAndNeverHoldsMoreThanItsMaximum() {
        Timeline timeline = new Timeline(T0, Duration.ofSeconds(1), 100);
        for (int second = 0; second < 1000; second++) {
            timeline.accept(T0.plusSeconds(second), second == 500, false, 1_000);
        }

        assertThat(timeline.buckets()).hasSizeLessThanOrEqualTo(100);
        assertThat(timeline.bucketWidth()).isEqualTo(Duration.ofSeconds(16));
        assertThat(timeline.buckets().stream().mapToLong(Timeline.Bucket::samples).sum()).isEqualTo(1000);
        assertThat(timeline.buckets().stream().mapToLong(Timeline.Bucket::failures).sum()).isEqualTo(1);
    }

    @Test
    void latencyClassesCoverMillisecondsToMinutes() {
        assertThat(Timeline.latencyClass(50)).isZero();
        assertThat(Timeline.classUpperMs(Timeline.latencyClass(1_000))).isBetween(1.0, 1.26);
        assertThat(Timeline.classUpperMs(Timeline.latencyClass(2_000_000))).isBetween(2000.0, 2520.0);
        assertThat(Timeline.latencyClass(Long.MAX_VALUE / 2)).isEqualTo(Timeline.LATENCY_CLASSES - 1);
    }
}
