package vigil.sim.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tasks on the cells themselves: what CC cannot see, such as their OS processes when the cells close. */
class CellsTasksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Cells cells;

    @BeforeEach
    void startCells(@TempDir Path workDir) {
        cells = Cells.start(new Cells.Options(1, workDir, null));
    }

    @AfterEach
    void closeCells() {
        cells.close();
        assertThat(cells.liveProcesses()).isZero();
    }

    private static DesiredTask task(String guid, String command) {
        return new DesiredTask(guid, "app-tasks", guid, null, command, 64, 64, Map.of("GREETING", "hi"));
    }

    @Test
    void runningTasksCountAsLiveProcessesAndClosingTheCellsStopsThem() {
        CompletableFuture<TaskCompletion> end = new CompletableFuture<>();
        cells.runTask(task("sleeper", "exec sleep 60"), end::complete);
        await("the task's process is live").atMost(TIMEOUT).until(() -> cells.liveProcesses() == 1);

        cells.close();

        assertThat(cells.liveProcesses()).isZero();
        TaskCompletion completion = await("the task completed").atMost(TIMEOUT).until(() -> end.getNow(null),
                done -> done != null);
        assertThat(completion.failed()).isTrue();
        assertThat(completion.failureReason()).startsWith("Exited with status");
    }

    @Test
    void cancelStopsEveryProcessTheTaskForked() {
        CompletableFuture<TaskCompletion> end = new CompletableFuture<>();
        cells.runTask(task("forks", "sleep 60 & sleep 60 & wait"), end::complete);
        await("the task forked twice").atMost(TIMEOUT).until(() -> cells.liveProcesses() == 3);

        cells.cancelTask("forks");

        TaskCompletion completion = await("the task completed").atMost(TIMEOUT).until(() -> end.getNow(null),
                done -> done != null);
        assertThat(completion).isEqualTo(new TaskCompletion("forks", true, "task was cancelled"));
        await("no process of the task left").atMost(TIMEOUT).until(() -> cells.liveProcesses() == 0);
    }

    @Test
    void refusesTasksWithoutACommandAndTasksAfterClose() {
        assertThatThrownBy(() -> cells.runTask(task("empty", " "), completion -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a command");
        cells.close();
        assertThatThrownBy(() -> cells.runTask(task("late", "true"), completion -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessage("cells are closed");
    }
}
