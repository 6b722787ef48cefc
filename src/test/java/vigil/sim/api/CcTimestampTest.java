package vigil.sim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CcTimestampTest {

    @Test
    void isUtcWholeSecondsWithZ() {
        assertThat(CcTimestamp.format(Instant.parse("2016-03-18T23:26:46.987654Z"))).isEqualTo("2016-03-18T23:26:46Z");
    }
}
