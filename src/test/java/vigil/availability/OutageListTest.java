package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.availability.Samples.at;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vigil.report.AvailabilityResult.Outage;

class OutageListTest {
    @Test
    void keepsTheLongestOutagesOldestFirstAndCountsAll() {
        OutageList list = new OutageList(3);
        long[] lengths = {2, 9, 1, 5, 7, 3};
        for (int i = 0; i < lengths.length; i++) {
            list.add(outage(i * 100, lengths[i]));
        }

        assertThat(list.count()).isEqualTo(6);
        assertThat(list.kept()).extracting(Outage::durationS).containsExactly(0.9, 0.5, 0.7);
        assertThat(list.longest().durationS()).isEqualTo(0.9);
    }

    @Test
    void memoryStaysFlatForAFlappingTarget() {
        OutageList list = new OutageList(OutageList.DEFAULT_CAPACITY);
        for (int i = 0; i < 100_000; i++) {
            list.add(outage(i * 10L, 1 + i % 7));
        }

        assertThat(list.count()).isEqualTo(100_000);
        assertThat(list.kept()).hasSize(OutageList.DEFAULT_CAPACITY);
        assertThat(list.kept()).allSatisfy(outage -> assertThat(outage.durationS()).isEqualTo(0.7));
    }

    private static Outage outage(long seq, long samples) {
        return new Outage(at(seq), at(seq).plus(Duration.ofMillis(100 * samples)), samples / 10.0,
                Map.of("timeout", samples));
    }
}
