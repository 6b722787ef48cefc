package vigil.sim.api;

import vigil.sim.cells.Rollout;

/**
 * What CC's DeploymentCreate and DeploymentCancel do, for the sim's single web process: a deployment
 * makes the droplet the app's current one and gives the web process a new version, which the cells roll
 * out {@code max_in_flight} indices at a time, each new instance healthy before the old one stops;
 * {@link DeploymentUpdater} finalizes it. A newer deployment supersedes an active one. Cancelling assigns
 * the previous droplet again and rolls back to the previous version the same way. A stopped app is
 * started at once, and its deployment is DEPLOYED at once, as in CC.
 */
final class Deployer {

    /** The scaling options of a deployment; null where not given. */
    record Options(int maxInFlight, Integer webInstances, Integer memoryMb, Integer diskMb, Long logRateLimit) {
    }

    private final CcRepositories store;
    private final DesiredProcesses running;
    private final CcFaults faults;

    Deployer(CcRepositories store, DesiredProcesses running, CcFaults faults) {
        this.store = store;
        this.running = running;
        this.faults = faults;
    }

    /** One deployment of an app changes things at a time, so superseding and rolling out stay in order. */
    synchronized Deployment deploy(App app, Droplet droplet, Options options) {
        String previousDroplet = app.dropletGuid();
        App updated = store.apps.update(app.guid(), current -> current.withDroplet(droplet.guid(), store.now()))
                .orElseThrow(() -> CcError.notFound("App"));
        AppProcess web = store.processOf(app.guid(), AppProcess.WEB).orElseThrow(() -> CcError.notFound("Process"));
        String previousVersion = web.version();
        AppProcess deploying = store.processes.update(web.guid(), process -> scaled(process, options)
                .withVersion(CcRepositories.newGuid(), store.now())).orElseThrow(() -> CcError.notFound("Process"));
        if (!updated.started()) {
            store.apps.update(app.guid(), current -> current.withState(App.STARTED, store.now()));
            running.start(app.guid());
            Deployment deployed = newDeployment(app, droplet, previousDroplet, options, null, deploying.version(),
                    previousVersion, Deployment.DEPLOYED, Deployment.FINALIZED, Deployment.DEPLOYED);
            store.deployments.add(deployed);
            return deployed;
        }
        supersedeActive(app.guid());
        Deployment deployment = newDeployment(app, droplet, previousDroplet, options, deploying.guid(),
                deploying.version(), previousVersion, Deployment.DEPLOYING, Deployment.ACTIVE, Deployment.DEPLOYING);
        store.deployments.add(deployment);
        running.roll(deploying, rollout(options.maxInFlight()));
        return deployment;
    }

    synchronized void cancel(Deployment deployment) {
        Deployment current = store.deployment(deployment.guid());
        if (!current.cancelable()) {
            throw CcError.unprocessable("Cannot cancel a deployment with status: " + current.statusValue()
                    + " and reason: " + current.statusReason());
        }
        if (current.previousDropletGuid() != null && store.droplets.contains(current.previousDropletGuid())) {
            store.apps.update(current.appGuid(), app -> app.withDroplet(current.previousDropletGuid(), store.now()));
        }
        store.deployments.update(current.guid(), d -> d.withStatus(Deployment.CANCELING, Deployment.ACTIVE,
                Deployment.CANCELING, store.now()));
        store.processes.update(current.processGuid(), process -> process.withVersion(current.previousVersion(), store.now()))
                .ifPresent(process -> running.roll(process, rollout(current.maxInFlight())));
    }

    /** CC's DeploymentDelete for a deleted app. */
    void deleteFor(String appGuid) {
        store.deployments.where(d -> d.appGuid().equals(appGuid)).forEach(d -> store.deployments.remove(d.guid()));
    }

    private Rollout rollout(int maxInFlight) {
        return new Rollout(maxInFlight, faults.deploymentsStopOldInstancesFirst());
    }

    /** A deploying deployment becomes DEPLOYED, a canceling one CANCELED; either is FINALIZED, SUPERSEDED. */
    private void supersedeActive(String appGuid) {
        for (Deployment active : store.deployments.where(d -> d.appGuid().equals(appGuid) && d.active())) {
            store.deployments.update(active.guid(), d -> d.withStatus(
                    Deployment.DEPLOYING.equals(d.state()) ? Deployment.DEPLOYED : Deployment.CANCELED,
                    Deployment.FINALIZED, Deployment.SUPERSEDED, store.now()));
        }
    }

    private AppProcess scaled(AppProcess process, Options options) {
        if (options.webInstances() == null && options.memoryMb() == null && options.diskMb() == null
                && options.logRateLimit() == null) {
            return process;
        }
        return process.scaled(options.webInstances() != null ? options.webInstances() : process.instances(),
                options.memoryMb() != null ? options.memoryMb() : process.memoryMb(),
                options.diskMb() != null ? options.diskMb() : process.diskMb(),
                options.logRateLimit() != null ? options.logRateLimit() : process.logRateLimit(), store.now());
    }

    private Deployment newDeployment(App app, Droplet droplet, String previousDroplet, Options options,
                                     String processGuid, String version, String previousVersion, String state,
                                     String statusValue, String statusReason) {
        return new Deployment(CcRepositories.newGuid(), app.guid(), state, statusValue, statusReason,
                Deployment.ROLLING, options.maxInFlight(), options.webInstances(), options.memoryMb(),
                options.diskMb(), options.logRateLimit(), droplet.guid(), previousDroplet, processGuid, version,
                previousVersion, store.now(), store.now(), store.now(), store.now(), Metadata.EMPTY);
    }
}
