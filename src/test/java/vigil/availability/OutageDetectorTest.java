package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.availability.Samples.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vigil.report.AvailabilityResult.Outage;

class OutageDetectorTest {
    private final List<Outage> outages = new ArrayList<>();
    private final OutageDetector detector = new OutageDetector(outages::add);

    @Test
    void consecutiveFailuresFormOneOutageFromFirstFailureToNextSuccess() {
        detector.success(at(0));
        detector.failure(at(1), "http_502");
        detector.failure(at(2), "timeout");
        detector.failure(at(3), "http_502");
        detector.success(at(4));

        assertThat(outages).singleElement().satisfies(outage -> {
            assertThat(outage.start()).isEqualTo(at(1));
            assertThat(outage.end()).isEqualTo(at(4));
            assertThat(outage.durationS()).isEqualTo(0.3);
            assertThat(outage.errorKinds()).isEqualTo(Map.of("http_502", 2L, "timeout", 1L));
        });
    }

    @Test
    void aSuccessInBetweenSplitsTwoOutages() {
        detector.failure(at(1), "timeout");
        detector.success(at(2));
        detector.failure(at(3), "timeout");
        detector.failure(at(4), "timeout");
        detector.success(at(5));

        assertThat(outages).extracting(Outage::durationS).containsExactly(0.1, 0.2);
    }

    @Test
    void successesAloneMakeNoOutage() {
        detector.success(at(0));
        detector.success(at(1));
        detector.finish(at(2));

        assertThat(outages).isEmpty();
    }

    @Test
    void outageStillUnderWayEndsWithTheMeasurement() {
        detector.success(at(0));
        detector.failure(at(1), "connection_refused");
        assertThat(detector.current(at(3)).durationS()).isEqualTo(0.2);

        detector.finish(at(5));

        assertThat(outages).singleElement().satisfies(outage -> {
            assertThat(outage.end()).isEqualTo(at(5));
            assertThat(outage.durationS()).isEqualTo(0.4);
        });
        assertThat(detector.current(at(6))).isNull();
    }
}
