package vigil.sim.cells;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A JVM that runs cells and is then ended by a signal without calling close(), for
 * {@link CellsShutdownHookTest}: prints the pid of its one instance process, then waits to be killed.
 */
public final class CellsInChildJvm {

    private CellsInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Cells cells = Cells.start(Cells.Options.defaults());
        cells.desire(new DesiredProcess("orphan", "app-orphan", "worker", null, "sleep 300", 1, 16, 64, Map.of(),
                new HealthCheck("process", null, null, null, null), "v1"));
        InstanceStatus running = await("instance running").atMost(Duration.ofSeconds(20))
                .until(() -> cells.instances("orphan").get(0), status -> status.state() == InstanceState.RUNNING);
        System.out.println(running.pid());
        new CountDownLatch(1).await();
    }
}
