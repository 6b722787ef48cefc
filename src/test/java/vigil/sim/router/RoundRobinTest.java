package vigil.sim.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    private static final Backend ZERO = new Backend("app", 0, "i0", "127.0.0.1", 6000);
    private static final Backend ONE = new Backend("app", 1, "i1", "127.0.0.1", 6001);
    private static final Backend TWO = new Backend("app", 2, "i2", "127.0.0.1", 6002);

    private final RoundRobin roundRobin = new RoundRobin();

    @Test
    void startsEachRequestAtTheNextInstanceAndListsTheRestForRetries() {
        List<Backend> pool = List.of(ZERO, ONE, TWO);

        assertThat(roundRobin.order("h", pool)).containsExactly(ZERO, ONE, TWO);
        assertThat(roundRobin.order("h", pool)).containsExactly(ONE, TWO, ZERO);
        assertThat(roundRobin.order("h", pool)).containsExactly(TWO, ZERO, ONE);
        assertThat(roundRobin.order("h", pool)).containsExactly(ZERO, ONE, TWO);
    }

    @Test
    void rotatesTheSameWhateverOrderTheResolverListsInstancesIn() {
        List<Backend> firsts = IntStream.range(0, 3)
                .mapToObj(i -> roundRobin.order("h", i % 2 == 0 ? List.of(TWO, ZERO, ONE) : List.of(ONE, TWO, ZERO)).get(0))
                .toList();

        assertThat(firsts).containsExactly(ZERO, ONE, TWO);
    }

    @Test
    void keepsAnIndependentRotationPerRoute() {
        roundRobin.order("first", List.of(ZERO, ONE));

        assertThat(roundRobin.order("second", List.of(ZERO, ONE)).get(0)).isEqualTo(ZERO);
        assertThat(roundRobin.order("first", List.of(ZERO, ONE)).get(0)).isEqualTo(ONE);
    }

    @Test
    void leavesASingleInstanceAsItIs() {
        assertThat(roundRobin.order("h", List.of(ONE))).containsExactly(ONE);
        assertThat(roundRobin.order("h", List.of())).isEmpty();
    }
}
