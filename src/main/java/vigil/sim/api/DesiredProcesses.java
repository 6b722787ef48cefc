package vigil.sim.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.DesiredProcess;
import vigil.sim.cells.HealthCheck;
import vigil.sim.cells.Rollout;

/**
 * What CC asks the cells to run, as CC keeps Diego's desired LRPs in sync with started apps. A
 * started app's processes are desired with a fresh version; scaling re-desires the running
 * definition with a new count, so instances are not replaced (as Diego updates an LRP in place);
 * stopping removes them.
 */
final class DesiredProcesses {

    /** Diego's defaults when a process sets no health check timings. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DEFAULT_INVOCATION_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private final CcRepositories store;
    private final AppRuntime runtime;
    private final AppEnvironment environment;
    /** The definition each running process was last desired with, by process guid. */
    private final Map<String, DesiredProcess> running = new ConcurrentHashMap<>();

    DesiredProcesses(CcRepositories store, AppRuntime runtime, AppEnvironment environment) {
        this.store = store;
        this.runtime = runtime;
        this.environment = environment;
    }

    /** Start or restart: every process of the app gets a new version, so all instances are replaced. */
    synchronized void start(String appGuid) {
        for (AppProcess process : store.processesOf(appGuid)) {
            AppProcess versioned = store.processes.update(process.guid(),
                    current -> current.withVersion(CcRepositories.newGuid(), store.now())).orElseThrow();
            desire(versioned);
        }
    }

    synchronized void stop(String appGuid) {
        for (AppProcess process : store.processesOf(appGuid)) {
            remove(process.guid());
        }
    }

    synchronized void remove(String processGuid) {
        running.remove(processGuid);
        runtime.remove(processGuid);
    }

    /**
     * After a process changed: a new version is desired afresh; otherwise the running definition
     * only takes the new instance count. Nothing runs for a stopped app.
     */
    synchronized void changed(AppProcess process) {
        App app = store.apps.get(process.appGuid()).orElse(null);
        if (app == null || !app.started()) {
            return;
        }
        DesiredProcess current = running.get(process.guid());
        if (current == null || !current.version().equals(process.version())) {
            desire(process);
            return;
        }
        DesiredProcess scaled = new DesiredProcess(current.processGuid(), current.appGuid(), current.processType(),
                current.droplet(), current.command(), process.instances(), current.memoryMb(), current.diskMb(),
                current.environment(), current.healthCheck(), current.version());
        running.put(process.guid(), scaled);
        runtime.desire(scaled);
    }

    /**
     * A rolling deployment of a started app's process at its (new) version, with the app's current droplet:
     * the cells replace the instances that do not run that version yet, as the rollout says.
     */
    synchronized void roll(AppProcess process, Rollout rollout) {
        App app = store.apps.get(process.appGuid()).orElse(null);
        if (app == null || !app.started()) {
            return;
        }
        DesiredProcess desired = definition(process);
        running.put(process.guid(), desired);
        runtime.rollOut(desired, rollout);
    }

    private void desire(AppProcess process) {
        DesiredProcess desired = definition(process);
        running.put(process.guid(), desired);
        runtime.desire(desired);
    }

    private DesiredProcess definition(AppProcess process) {
        App app = store.app(process.appGuid());
        Droplet droplet = store.droplet(app.dropletGuid());
        AppProcess.HealthCheckSpec check = process.healthCheck();
        HealthCheck healthCheck = new HealthCheck(check.type(),
                "http".equals(check.type()) ? (check.endpoint() == null ? "/" : check.endpoint()) : null,
                seconds(check.timeout(), DEFAULT_TIMEOUT), seconds(check.invocationTimeout(), DEFAULT_INVOCATION_TIMEOUT),
                seconds(check.interval(), DEFAULT_INTERVAL));
        return new DesiredProcess(process.guid(), app.guid(), process.type(), droplet.jar(),
                process.command(), process.instances(), process.memoryMb(), process.diskMb(),
                environment.runningEnv(app, process), healthCheck, process.version());
    }

    private static Duration seconds(Integer value, Duration fallback) {
        return value == null ? fallback : Duration.ofSeconds(value);
    }
}
