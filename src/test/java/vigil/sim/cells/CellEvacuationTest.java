package vigil.sim.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What platform deploys and cell faults do to the cells: evacuation without a gap, and a cell that dies. */
class CellEvacuationTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path shared;
    private static Path droplet;

    @TempDir
    Path workDir;
    private Cells cells;

    @BeforeAll
    static void packTestApp() throws IOException {
        droplet = TestAppJar.write(shared.resolve("test-app.jar"));
    }

    @AfterEach
    void closeCells() {
        cells.close();
        assertThat(cells.liveProcesses()).isZero();
    }

    private void start(int count) {
        cells = Cells.start(new Cells.Options(count, workDir, null));
    }

    private void desire(String guid, int instances) {
        cells.desire(new DesiredProcess(guid, "app-" + guid, "web", droplet, null, instances, 64, 256, Map.of(), null,
                "v1"));
    }

    private List<InstanceStatus> awaitInstances(String alias, String guid, Predicate<List<InstanceStatus>> condition) {
        return await(alias).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(25))
                .until(() -> cells.instances(guid), condition);
    }

    private static Predicate<List<InstanceStatus>> allRunning(int count) {
        return list -> list.size() == count && list.stream().allMatch(status -> status.state() == InstanceState.RUNNING);
    }

    private static Set<String> guids(List<InstanceStatus> instances) {
        return instances.stream().map(InstanceStatus::instanceGuid).collect(Collectors.toSet());
    }

    @Test
    void evacuationMovesEveryInstanceOffTheCellWithoutAGap() {
        start(3);
        desire("moving", 2);
        List<InstanceStatus> before = awaitInstances("2 running", "moving", allRunning(2));
        String drained = before.get(0).cell();

        cells.evacuate(drained);

        assertThat(cells.cell(drained).state()).isEqualTo(CellState.DRAINING);
        List<List<InstanceStatus>> seen = new CopyOnWriteArrayList<>();
        List<InstanceStatus> after = awaitInstances("instances moved off " + drained, "moving",
                list -> seen.add(list) && allRunning(2).test(list)
                        && list.stream().noneMatch(status -> status.cell().equals(drained)));
        await("the old instance gone from " + drained).atMost(START_TIMEOUT)
                .until(() -> cells.cell(drained).instances() == 0 && cells.liveProcesses() == 2);
        assertThat(seen).as("every index stays routable while it moves")
                .allSatisfy(list -> assertThat(list).allMatch(InstanceStatus::routable));
        assertThat(after.get(0).instanceGuid()).isNotEqualTo(before.get(0).instanceGuid());
        assertThat(after.get(1).instanceGuid()).as("the instance on another cell stays").isEqualTo(before.get(1).instanceGuid());

        desire("newcomer", 3);
        List<InstanceStatus> newcomers = awaitInstances("3 running", "newcomer", allRunning(3));
        assertThat(newcomers).extracting(InstanceStatus::cell).doesNotContain(drained);

        cells.bringUp(drained);
        assertThat(cells.cell(drained).state()).isEqualTo(CellState.UP);
    }

    @Test
    void aCellTakenDownLosesItsInstancesAtOnceAndTheyRestartOnOtherCells() {
        start(2);
        desire("lost", 2);
        List<InstanceStatus> before = awaitInstances("2 running", "lost", allRunning(2));
        String killed = before.get(0).cell();

        cells.takeDown(killed);

        assertThat(cells.cell(killed).state()).isEqualTo(CellState.DOWN);
        await("the instance on " + killed + " dies").atMost(START_TIMEOUT)
                .until(() -> ProcessHandle.of(before.get(0).pid()).map(p -> !p.isAlive()).orElse(true));
        List<InstanceStatus> after = awaitInstances("running again elsewhere", "lost",
                list -> allRunning(2).test(list) && list.stream().noneMatch(status -> status.cell().equals(killed)));
        assertThat(guids(after)).doesNotContain(before.get(0).instanceGuid()).contains(before.get(1).instanceGuid());
        assertThat(cells.cell(killed).instances()).isZero();
    }

    @Test
    void withNoCellUpInstancesWaitUntilOneIsBack() {
        start(1);
        desire("alone", 1);
        InstanceStatus before = awaitInstances("running", "alone", allRunning(1)).get(0);

        cells.takeDown("cell-0");

        awaitInstances("not placeable while the only cell is down", "alone",
                list -> list.get(0).state() == InstanceState.CRASHED
                        && list.get(0).details().startsWith("Failed to create container: insufficient resources"));
        cells.bringUp("cell-0");
        InstanceStatus after = awaitInstances("running again", "alone", allRunning(1)).get(0);
        assertThat(after.instanceGuid()).isNotEqualTo(before.instanceGuid());
    }

    @Test
    void unknownCellsAreNamedInTheError() {
        start(2);
        assertThatThrownBy(() -> cells.evacuate("cell-9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell-9").hasMessageContaining("cell-0, cell-1");
    }
}
