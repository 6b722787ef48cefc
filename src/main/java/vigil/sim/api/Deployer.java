package vigil.sim.api;

import vigil.sim.cells.Rollout;

/**
 * What CC's DeploymentCreate, DeploymentContinue and DeploymentCancel do, for the sim's single web process: a
 * deployment makes the droplet (or an earlier revision's droplet and environment) the app's current one, records
 * the revision the app now runs, and gives the web process a new version, which the cells roll out
 * {@code max_in_flight} indices at a time, each new instance healthy before the old one stops;
 * {@link DeploymentUpdater} finalizes it. A canary deployment first replaces one index and pauses there until
 * continued. A newer deployment supersedes an active one. Cancelling assigns the previous droplet again and rolls
 * back to the previous version the same way. A stopped app is started at once, and its deployment is DEPLOYED at
 * once, as in CC.
 */
final class Deployer {

    /** The strategy and scaling options of a deployment; null where not given. */
    record Options(String strategy, int maxInFlight, Integer webInstances, Integer memoryMb, Integer diskMb,
                   Long logRateLimit) {

        boolean canary() {
            return Deployment.CANARY.equals(strategy);
        }
    }

    private final CcRepositories store;
    private final DesiredProcesses running;
    private final CcFaults faults;

    Deployer(CcRepositories store, DesiredProcesses running, CcFaults faults) {
        this.store = store;
        this.running = running;
        this.faults = faults;
    }

    Revisions revisions() {
        return running.revisions();
    }

    /** One deployment of an app changes things at a time, so superseding and rolling out stay in order. */
    synchronized Deployment deploy(App app, Droplet droplet, Options options) {
        store.apps.update(app.guid(), current -> current.withDroplet(droplet.guid(), store.now()))
                .orElseThrow(() -> CcError.notFound("App"));
        return rollOut(app, droplet, options, null);
    }

    /** A deployment of an earlier revision: a new revision with its droplet and environment ("Rolled back to ..."). */
    synchronized Deployment rollBack(App app, Revision target, Options options) {
        String previousRevision = store.deployedRevisions.get(app.guid());
        Revision rollback = running.revisions().rollBackTo(target, faults.rollbackDeploysCurrentDroplet(),
                faults.rollbackKeepsEnvironment());
        Droplet droplet = store.droplet(store.app(app.guid()).dropletGuid());
        return rollOut(app, droplet, options, new RevisionChange(rollback.guid(), previousRevision));
    }

    private record RevisionChange(String revisionGuid, String previousRevisionGuid) {
    }

    private Deployment rollOut(App app, Droplet droplet, Options options, RevisionChange rollback) {
        String previousDroplet = app.dropletGuid();
        DropletProcessTypes.ensure(store, app.guid(), droplet);
        AppProcess web = store.processOf(app.guid(), AppProcess.WEB).orElseThrow(() -> CcError.notFound("Process"));
        String previousVersion = web.version();
        AppProcess deploying = store.processes.update(web.guid(), process -> scaled(process, options)
                .withVersion(CcRepositories.newGuid(), store.now())).orElseThrow(() -> CcError.notFound("Process"));
        if (!app.started()) {
            String previousRevision = store.deployedRevisions.get(app.guid());
            store.apps.update(app.guid(), current -> current.withState(App.STARTED, store.now()));
            running.start(app.guid());
            Deployment deployed = newDeployment(app, droplet, previousDroplet, options, null, deploying.version(),
                    previousVersion, Deployment.DEPLOYED, Deployment.FINALIZED, Deployment.DEPLOYED,
                    new RevisionChange(store.deployedRevisions.get(app.guid()), previousRevision));
            store.deployments.add(deployed);
            return deployed;
        }
        RevisionChange revisions = rollback;
        if (revisions == null) {
            String previousRevision = store.deployedRevisions.get(app.guid());
            revisions = new RevisionChange(running.revisions().deployCurrent(app.guid()).guid(), previousRevision);
        }
        supersedeActive(app.guid());
        boolean pauses = options.canary();
        Deployment deployment = newDeployment(app, droplet, previousDroplet, options, deploying.guid(),
                deploying.version(), previousVersion, pauses ? Deployment.PREPAUSED : Deployment.DEPLOYING,
                Deployment.ACTIVE, Deployment.DEPLOYING, revisions);
        store.deployments.add(deployment);
        Rollout rollout = rollout(options.maxInFlight());
        running.roll(deploying, pauses && !faults.canaryReplacesEveryInstance() ? rollout.canary() : rollout);
        return deployment;
    }

    /** A paused canary goes on: every other index is replaced, {@code max_in_flight} at a time. */
    synchronized Deployment continueDeployment(Deployment deployment) {
        Deployment current = store.deployment(deployment.guid());
        if (!current.continuable()) {
            throw CcError.unprocessable("Cannot continue a deployment with status: " + current.statusValue()
                    + " and reason: " + current.statusReason());
        }
        Deployment continued = store.deployments.update(current.guid(), d -> d.withStatus(Deployment.DEPLOYING,
                Deployment.ACTIVE, Deployment.DEPLOYING, store.now())).orElseThrow(() -> CcError.notFound("Deployment"));
        store.processes.get(current.processGuid())
                .ifPresent(process -> running.roll(process, rollout(current.maxInFlight())));
        return continued;
    }

    synchronized void cancel(Deployment deployment) {
        Deployment current = store.deployment(deployment.guid());
        if (!current.cancelable()) {
            throw CcError.unprocessable("Cannot cancel a deployment with status: " + current.statusValue()
                    + " and reason: " + current.statusReason());
        }
        if (faults.canaryCancelKeepsNewInstances() && current.canary()) {
            store.deployments.update(current.guid(), d -> d.withStatus(Deployment.CANCELED, Deployment.FINALIZED,
                    Deployment.CANCELED, store.now()));
            return;
        }
        if (current.previousDropletGuid() != null && store.droplets.contains(current.previousDropletGuid())) {
            store.apps.update(current.appGuid(), app -> app.withDroplet(current.previousDropletGuid(), store.now()));
        }
        if (current.previousRevisionGuid() != null) {
            store.deployedRevisions.put(current.appGuid(), current.previousRevisionGuid());
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
        return new Rollout(faults.maxInFlightIgnored() ? Integer.MAX_VALUE : maxInFlight,
                faults.deploymentsStopOldInstancesFirst());
    }

    /** A deploying or paused deployment becomes DEPLOYED, a canceling one CANCELED; either is FINALIZED, SUPERSEDED. */
    private void supersedeActive(String appGuid) {
        for (Deployment active : store.deployments.where(d -> d.appGuid().equals(appGuid) && d.active())) {
            store.deployments.update(active.guid(), d -> d.withStatus(
                    Deployment.CANCELING.equals(d.state()) ? Deployment.CANCELED : Deployment.DEPLOYED,
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
                                     String statusValue, String statusReason, RevisionChange revisions) {
        return new Deployment(CcRepositories.newGuid(), app.guid(), state, statusValue, statusReason,
                options.canary() ? Deployment.CANARY : Deployment.ROLLING, options.maxInFlight(),
                options.webInstances(), options.memoryMb(), options.diskMb(), options.logRateLimit(), droplet.guid(),
                previousDroplet, processGuid, version, previousVersion, store.now(), store.now(), store.now(),
                store.now(), Metadata.EMPTY, revisions.revisionGuid(), revisions.previousRevisionGuid());
    }
}
