package vigil.sim.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlacementTest {

    private final List<Cell> cells = IntStream.range(0, 3).mapToObj(Cell::numbered).toList();
    private final Placement placement = new Placement(cells);

    @Test
    void numbersCellsOverThreeZones() {
        assertThat(IntStream.range(0, 4).mapToObj(Cell::numbered).map(Cell::status))
                .containsExactly(new CellStatus("cell-0", "z1", 0), new CellStatus("cell-1", "z2", 0),
                        new CellStatus("cell-2", "z3", 0), new CellStatus("cell-3", "z1", 0));
    }

    @Test
    void spreadsTheInstancesOfAProcessOverEveryCell() {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chosen.add(placement.place("web").name());
        }

        assertThat(chosen).containsExactly("cell-0", "cell-1", "cell-2", "cell-0");
    }

    @Test
    void putsANewProcessOnTheLeastLoadedCell() {
        placement.place("busy");
        placement.place("busy");

        assertThat(placement.place("other").name()).isEqualTo("cell-2");
    }

    @Test
    void prefersFewestOfTheSameProcessOverFewestOverall() {
        placement.place("busy");
        placement.place("busy");
        placement.place("busy");
        cells.get(2).hold("web");
        cells.get(1).release("busy");

        assertThat(placement.place("web").name()).isEqualTo("cell-1");
        assertThat(cells.get(1).instances()).isEqualTo(1);
    }
}
