package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InOrderReleaseTest {
    @Test
    void aHungSampleHoldsBackLaterOnesUntilItAnswers() {
        List<Long> released = new ArrayList<>();
        InOrderRelease release = new InOrderRelease(sample -> released.add(sample.seq()));

        release.accept(Samples.ok(0));
        release.accept(Samples.ok(2));
        release.accept(Samples.ok(3));
        assertThat(released).containsExactly(0L);
        assertThat(release.waiting()).isEqualTo(2);

        release.accept(Samples.failed(1, "timeout"));

        assertThat(released).containsExactly(0L, 1L, 2L, 3L);
        assertThat(release.waiting()).isZero();
        assertThat(release.released()).isEqualTo(4);
    }
}
