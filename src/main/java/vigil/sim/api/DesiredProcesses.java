package vigil.sim.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.DesiredProcess;
import vigil.sim.cells.HealthCheck;
import vigil.sim.cells.Rollout;
import vigil.sim.cells.SidecarProcess;

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
    private final CcFaults faults;
    private final Revisions revisions;
    /** The definition each running process was last desired with, by process guid. */
    private final Map<String, DesiredProcess> running = new ConcurrentHashMap<>();

    DesiredProcesses(CcRepositories store, AppRuntime runtime, AppEnvironment environment, CcFaults faults) {
        this.store = store;
        this.runtime = runtime;
        this.environment = environment;
        this.faults = faults;
        this.revisions = new Revisions(store);
    }

    /** The app revisions that starts and deployments make. */
    Revisions revisions() {
        return revisions;
    }

    /**
     * Start or restart: every process of the app gets a new version, so all instances are replaced; the app runs
     * the revision of its current droplet and environment (a new one when they changed).
     */
    synchronized void start(String appGuid) {
        App app = store.app(appGuid);
        if (app.dropletGuid() != null) {
            store.droplets.get(app.dropletGuid()).ifPresent(droplet -> DropletProcessTypes.ensure(store, appGuid, droplet));
            revisions.deployCurrent(appGuid);
        }
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
        store.deployedRevisions.remove(appGuid);
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
        DesiredProcess scaled = current.withInstances(process.instances());
        running.put(process.guid(), scaled);
        if (runs(process)) {
            runtime.desire(scaled);
        }
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
        if (runs(process)) {
            runtime.desire(desired);
        }
    }

    /** Every process runs on the cells, unless a test fault keeps all but web off them. */
    private boolean runs(AppProcess process) {
        return AppProcess.WEB.equals(process.type()) || !faults.nonWebProcessesNotRun();
    }

    private DesiredProcess definition(AppProcess process) {
        App app = store.app(process.appGuid());
        Droplet droplet = store.droplet(app.dropletGuid());
        AppProcess.HealthCheckSpec check = process.healthCheck();
        HealthCheck healthCheck = new HealthCheck(check.type(), httpEndpoint(check.type(), check.endpoint()),
                seconds(check.timeout(), DEFAULT_TIMEOUT), seconds(check.invocationTimeout(), DEFAULT_INVOCATION_TIMEOUT),
                seconds(check.interval(), DEFAULT_INTERVAL));
        return new DesiredProcess(process.guid(), app.guid(), process.type(), droplet.jar(),
                command(process, droplet), process.instances(), process.memoryMb(), process.diskMb(),
                environment.runningEnv(app, process), healthCheck, process.version(), readiness(process),
                sidecars(process));
    }

    /** The user's command, else the droplet's for the type; the buildpack's own web command runs the JAR as is. */
    private static String command(AppProcess process, Droplet droplet) {
        if (process.command() != null) {
            return process.command();
        }
        String detected = droplet.processTypes().get(process.type());
        return Stager.WEB_COMMAND.equals(detected) ? null : detected;
    }

    private String httpEndpoint(String type, String endpoint) {
        if (!"http".equals(type)) {
            return null;
        }
        return endpoint == null || faults.httpHealthCheckEndpointIgnored() ? "/" : endpoint;
    }

    /** The readiness check, null for type process (or when a test fault ignores them). */
    private HealthCheck readiness(AppProcess process) {
        ReadinessCheck check = store.readinessChecks.get(process.guid()).orElse(null);
        if (check == null || ReadinessCheck.PROCESS.equals(check.type()) || faults.readinessChecksIgnored()) {
            return null;
        }
        return new HealthCheck(check.type(), httpEndpoint(check.type(), check.endpoint()), DEFAULT_TIMEOUT,
                seconds(check.invocationTimeout(), DEFAULT_INVOCATION_TIMEOUT), seconds(check.interval(), DEFAULT_INTERVAL));
    }

    /** The app's sidecars for this process type. */
    private List<SidecarProcess> sidecars(AppProcess process) {
        return store.sidecars.where(s -> s.appGuid().equals(process.appGuid()) && s.processTypes().contains(process.type()))
                .stream().map(s -> new SidecarProcess(s.name(), s.command(), !faults.sidecarExitIgnored(),
                        !faults.sidecarsNotRestartedWithInstance())).toList();
    }

    private static Duration seconds(Integer value, Duration fallback) {
        return value == null ? fallback : Duration.ofSeconds(value);
    }
}
