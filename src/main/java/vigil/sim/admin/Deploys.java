package vigil.sim.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import vigil.sim.cells.Cells;

/**
 * The platform deploys of the embedded CF: one at a time, as an operator runs them, kept for looking up
 * afterwards. What {@code POST /vigil/admin/deploy} starts, and what tests call directly:
 * <pre>{@code
 * DeployStatus started = sim.deploys().start(DeployRequest.evacuating());
 * await().until(() -> !sim.deploys().get(started.id()).orElseThrow().isRunning());
 * }</pre>
 */
public final class Deploys implements AutoCloseable {

    private final Cells cells;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ScheduledWait wait;
    private final Map<String, PlatformDeploy> deploys = new ConcurrentHashMap<>();
    private PlatformDeploy current;

    public Deploys(Cells cells, Clock clock) {
        this.cells = cells;
        this.clock = clock;
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "vigil-sim-deploys");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.wait = new ScheduledWait(scheduler);
    }

    /**
     * Starts a deploy and returns at once.
     *
     * @throws IllegalStateException when a deploy is still running (two at once would roll the same cells)
     */
    public synchronized DeployStatus start(DeployRequest request) {
        if (current != null && current.status().isRunning()) {
            throw new IllegalStateException("a platform deploy is already running: " + current.id());
        }
        PlatformDeploy deploy = new PlatformDeploy(UUID.randomUUID().toString(), request, cells, wait, clock);
        deploys.put(deploy.id(), deploy);
        current = deploy;
        // On the scheduler, so that the caller (an HTTP request) never waits for the first cell.
        scheduler.execute(deploy::start);
        return deploy.status();
    }

    public Optional<DeployStatus> get(String id) {
        return Optional.ofNullable(deploys.get(id)).map(PlatformDeploy::status);
    }

    /** Every deploy since the sim started, oldest first. */
    public List<DeployStatus> all() {
        List<DeployStatus> all = new ArrayList<>(deploys.values().stream().map(PlatformDeploy::status).toList());
        all.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
        return all;
    }

    /** Stops the deploy in progress where it is; it is reported as failed. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        deploys.values().forEach(deploy -> deploy.abort("the embedded CF stopped during the deploy"));
    }
}
