package vigil.sim.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.sim.cells.AppRuntime;

/**
 * CC's deployment updater: looks at every active deployment on a schedule, moves
 * {@code last_successful_healthcheck} when more instances of its version are running, and finalizes it once
 * every instance of the web process runs that version: DEPLOYED, or CANCELED for a cancelled one. CC's
 * updater runs every few seconds; the sim's every {@link #INTERVAL}, so that a local deployment ends soon.
 */
final class DeploymentUpdater {

    static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentUpdater.class);

    private final CcRepositories store;
    private final AppRuntime runtime;
    /** How many instances ran the target version at the last look, by deployment guid. */
    private final Map<String, Integer> lastServing = new ConcurrentHashMap<>();

    DeploymentUpdater(CcRepositories store, AppRuntime runtime) {
        this.store = store;
        this.runtime = runtime;
    }

    /** Runs on one of the CC's background threads until the CC closes (which interrupts it). */
    void start(ExecutorService background) {
        background.execute(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    updateAll();
                    Thread.sleep(INTERVAL.toMillis());
                }
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
            }
        });
    }

    void updateAll() {
        for (Deployment deployment : store.deployments.where(Deployment::active)) {
            try {
                update(deployment);
            } catch (RuntimeException e) {
                // One broken deployment must not stop the others from finishing.
                LOG.warn("could not update deployment {}", deployment.guid(), e);
            }
        }
        lastServing.keySet().removeIf(guid -> store.deployments.get(guid).map(d -> !d.active()).orElse(true));
    }

    private void update(Deployment deployment) {
        AppProcess process = store.processes.get(deployment.processGuid()).orElse(null);
        if (process == null) {
            return;
        }
        String version = deployment.targetVersion();
        int serving = runtime.instancesServing(process.guid(), version);
        int before = lastServing.getOrDefault(deployment.guid(), 0);
        lastServing.put(deployment.guid(), serving);
        boolean done = version.equals(process.version()) && serving >= process.instances();
        store.deployments.update(deployment.guid(), current -> {
            if (!current.active() || !current.targetVersion().equals(version)) {
                return current;
            }
            Deployment updated = serving > before ? current.healthyAt(store.now()) : current;
            if (Deployment.PREPAUSED.equals(current.state())) {
                // A canary pauses once its one new instance runs, and waits there for continue or cancel.
                return serving >= 1 ? updated.withStatus(Deployment.PAUSED, Deployment.ACTIVE, Deployment.PAUSED,
                        store.now()) : updated;
            }
            if (Deployment.PAUSED.equals(current.state())) {
                return updated;
            }
            if (!done) {
                return updated;
            }
            return Deployment.CANCELING.equals(current.state())
                    ? updated.withStatus(Deployment.CANCELED, Deployment.FINALIZED, Deployment.CANCELED, store.now())
                    : updated.withStatus(Deployment.DEPLOYED, Deployment.FINALIZED, Deployment.DEPLOYED, store.now());
        });
    }
}
