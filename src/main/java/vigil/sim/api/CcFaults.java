package vigil.sim.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults of the Cloud Controller that tests switch on to show that a check notices broken behaviour.
 * For tests only: a CC started without this object has none of them, and nothing reaches them over HTTP.
 * Thread-safe; a switch takes effect for what starts after it. Each switch is checked at one place.
 * {@code vigil.sim.TestFaults} is the switchboard a whole {@code Sim} exposes.
 *
 * <pre>{@code
 * CcFaults faults = new CcFaults();
 * CloudController cc = CloudController.start(..., adminRoutes, faults);
 * faults.deploymentsStopOldInstancesFirst(true);   // the next rolling deployment has real downtime
 * }</pre>
 */
public final class CcFaults {

    private volatile boolean deploymentsStopOldInstancesFirst;
    private volatile boolean routingIgnoresUnmapping;
    private volatile boolean userEnvironmentLeftOut;
    private volatile boolean stagingAcceptsAnyBits;
    private volatile boolean taskExitStatusIgnored;
    private volatile boolean bindingsLeftOutOfVcapServices;
    private volatile boolean manifestInstancesIgnored;
    /** {@code GET /v3/info} answers still to fail; {@link Integer#MAX_VALUE} fails them all. */
    private final AtomicInteger v3InfoFailures = new AtomicInteger();
    /** Destinations removed while {@link #routingIgnoresUnmapping} was on, by route GUID: still routed to. */
    private final Map<String, List<Destination>> unmappedButRouted = new ConcurrentHashMap<>();

    /** Deployments (and their cancels) stop every old instance before starting new ones. */
    public void deploymentsStopOldInstancesFirst(boolean on) {
        deploymentsStopOldInstancesFirst = on;
    }

    boolean deploymentsStopOldInstancesFirst() {
        return deploymentsStopOldInstancesFirst;
    }

    /**
     * A destination removed from a route ({@code DELETE /v3/routes/:guid/destinations/:guid}) disappears from
     * the API but the router keeps sending the route's requests to it, as if the unregister never reached it.
     */
    public void routingIgnoresUnmapping(boolean on) {
        routingIgnoresUnmapping = on;
        if (!on) {
            unmappedButRouted.clear();
        }
    }

    /** Records a removed destination, which the router keeps while the fault is on. */
    void unmapped(String routeGuid, Destination destination) {
        if (routingIgnoresUnmapping) {
            unmappedButRouted.computeIfAbsent(routeGuid, guid -> new CopyOnWriteArrayList<>()).add(destination);
        }
    }

    /** The removed destinations of a route that the router still routes to; empty without the fault. */
    List<Destination> unmappedButRouted(String routeGuid) {
        return routingIgnoresUnmapping ? unmappedButRouted.getOrDefault(routeGuid, List.of()) : List.of();
    }

    /** The app's own environment variables are left out of what its instances (and tasks) run with. */
    public void userEnvironmentLeftOut(boolean on) {
        userEnvironmentLeftOut = on;
    }

    boolean userEnvironmentLeftOut() {
        return userEnvironmentLeftOut;
    }

    /** Staging detects every package: bits without a {@code Main-Class} stage into a droplet. */
    public void stagingAcceptsAnyBits(boolean on) {
        stagingAcceptsAnyBits = on;
    }

    boolean stagingAcceptsAnyBits() {
        return stagingAcceptsAnyBits;
    }

    /** Every task that ends by itself SUCCEEDS, whatever its command's exit status. */
    public void taskExitStatusIgnored(boolean on) {
        taskExitStatusIgnored = on;
    }

    boolean taskExitStatusIgnored() {
        return taskExitStatusIgnored;
    }

    /** Instances run with an empty {@code VCAP_SERVICES}, whatever is bound to their app. */
    public void bindingsLeftOutOfVcapServices(boolean on) {
        bindingsLeftOutOfVcapServices = on;
    }

    boolean bindingsLeftOutOfVcapServices() {
        return bindingsLeftOutOfVcapServices;
    }

    /** {@code apply_manifest} ignores {@code instances}; env, routes and the rest still apply. */
    public void manifestInstancesIgnored(boolean on) {
        manifestInstancesIgnored = on;
    }

    boolean manifestInstancesIgnored() {
        return manifestInstancesIgnored;
    }

    /**
     * The next {@code requests} answers to {@code GET /v3/info} are 500 UnknownError, then it answers again;
     * {@link Integer#MAX_VALUE} keeps it failing. Lets a test make a scenario fail once and pass on a rerun.
     */
    public void v3InfoFails(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("requests must not be negative, was " + requests);
        }
        v3InfoFailures.set(requests);
    }

    /** Whether this {@code GET /v3/info} is to fail; counts it against the failures still to come. */
    boolean takeV3InfoFailure() {
        return v3InfoFailures.getAndUpdate(left -> left == 0 || left == Integer.MAX_VALUE ? left : left - 1) > 0;
    }

    // app platform features (multi-process apps, sidecars, revisions, canary deployments, health checks)

    private volatile boolean nonWebProcessesNotRun;
    private volatile boolean sidecarsNotRestartedWithInstance;
    private volatile boolean readinessChecksIgnored;
    private volatile boolean httpHealthCheckEndpointIgnored;
    private volatile boolean rollbackDeploysCurrentDroplet;
    private volatile boolean rollbackKeepsEnvironment;
    private volatile boolean canaryReplacesEveryInstance;
    private volatile boolean maxInFlightIgnored;

    /** Processes other than web (a Procfile's worker) are accepted and scaled, but never run on the cells. */
    public void nonWebProcessesNotRun(boolean on) {
        nonWebProcessesNotRun = on;
    }

    boolean nonWebProcessesNotRun() {
        return nonWebProcessesNotRun;
    }

    /** Sidecars run in an index's first instance only: one restarted after a crash runs without them. */
    public void sidecarsNotRestartedWithInstance(boolean on) {
        sidecarsNotRestartedWithInstance = on;
    }

    boolean sidecarsNotRestartedWithInstance() {
        return sidecarsNotRestartedWithInstance;
    }

    /** Readiness checks are stored and shown, but never run: every running instance stays routable. */
    public void readinessChecksIgnored(boolean on) {
        readinessChecksIgnored = on;
    }

    boolean readinessChecksIgnored() {
        return readinessChecksIgnored;
    }

    /** An http health check requests {@code /} whatever {@code data.endpoint} says. */
    public void httpHealthCheckEndpointIgnored(boolean on) {
        httpHealthCheckEndpointIgnored = on;
    }

    boolean httpHealthCheckEndpointIgnored() {
        return httpHealthCheckEndpointIgnored;
    }

    /** A deployment of an earlier revision makes the rollback revision but keeps the app's current droplet. */
    public void rollbackDeploysCurrentDroplet(boolean on) {
        rollbackDeploysCurrentDroplet = on;
    }

    boolean rollbackDeploysCurrentDroplet() {
        return rollbackDeploysCurrentDroplet;
    }

    /** A deployment of an earlier revision keeps the app's current environment variables. */
    public void rollbackKeepsEnvironment(boolean on) {
        rollbackKeepsEnvironment = on;
    }

    boolean rollbackKeepsEnvironment() {
        return rollbackKeepsEnvironment;
    }

    /** A canary deployment's first step replaces every instance, not one, before it pauses. */
    public void canaryReplacesEveryInstance(boolean on) {
        canaryReplacesEveryInstance = on;
    }

    boolean canaryReplacesEveryInstance() {
        return canaryReplacesEveryInstance;
    }

    /** Deployments replace every instance at once, whatever {@code max_in_flight} says. */
    public void maxInFlightIgnored(boolean on) {
        maxInFlightIgnored = on;
    }

    boolean maxInFlightIgnored() {
        return maxInFlightIgnored;
    }

    private volatile boolean sidecarExitIgnored;
    private volatile boolean canaryCancelKeepsNewInstances;

    /** A sidecar that exits leaves its instance running, without it (in CF the instance crashes and restarts). */
    public void sidecarExitIgnored(boolean on) {
        sidecarExitIgnored = on;
    }

    boolean sidecarExitIgnored() {
        return sidecarExitIgnored;
    }

    /** Cancelling a canary deployment marks it CANCELED at once and leaves its new instances running. */
    public void canaryCancelKeepsNewInstances(boolean on) {
        canaryCancelKeepsNewInstances = on;
    }

    boolean canaryCancelKeepsNewInstances() {
        return canaryCancelKeepsNewInstances;
    }

    // managed services, brokers, route services and sharing (issue 11): one switch per scenario they break

    private volatile boolean brokerPlansShownPublic;
    private volatile boolean asyncProvisionReportedDoneAtOnce;
    private volatile boolean brokerErrorDescriptionDropped;
    private volatile boolean unbindWithoutCatalogIds;
    private volatile boolean managedCredentialsLeftOutOfVcapServices;
    private volatile boolean sharingIgnored;
    private volatile boolean routeServicesBypassed;

    /** A space-scoped broker's plans are shown (and offered) as public instead of visible in the space only. */
    public void brokerPlansShownPublic(boolean on) {
        brokerPlansShownPublic = on;
    }

    boolean brokerPlansShownPublic() {
        return brokerPlansShownPublic;
    }

    /** A broker's 202 to a provision counts as done at once: {@code last_operation} is never polled. */
    public void asyncProvisionReportedDoneAtOnce(boolean on) {
        asyncProvisionReportedDoneAtOnce = on;
    }

    boolean asyncProvisionReportedDoneAtOnce() {
        return asyncProvisionReportedDoneAtOnce;
    }

    /** A failed broker operation leaves the instance's {@code last_operation.description} empty. */
    public void brokerErrorDescriptionDropped(boolean on) {
        brokerErrorDescriptionDropped = on;
    }

    boolean brokerErrorDescriptionDropped() {
        return brokerErrorDescriptionDropped;
    }

    /** Unbind requests go to the broker without {@code service_id} and {@code plan_id}, which OSBAPI requires. */
    public void unbindWithoutCatalogIds(boolean on) {
        unbindWithoutCatalogIds = on;
    }

    boolean unbindWithoutCatalogIds() {
        return unbindWithoutCatalogIds;
    }

    /** Bindings to managed instances reach {@code VCAP_SERVICES} without the broker's credentials. */
    public void managedCredentialsLeftOutOfVcapServices(boolean on) {
        managedCredentialsLeftOutOfVcapServices = on;
    }

    boolean managedCredentialsLeftOutOfVcapServices() {
        return managedCredentialsLeftOutOfVcapServices;
    }

    /** Sharing is accepted and listed, but the shared space never sees the instance. */
    public void sharingIgnored(boolean on) {
        sharingIgnored = on;
    }

    boolean sharingIgnored() {
        return sharingIgnored;
    }

    /** The router delivers a route's requests to its apps directly, past the bound route service. */
    public void routeServicesBypassed(boolean on) {
        routeServicesBypassed = on;
    }

    boolean routeServicesBypassed() {
        return routeServicesBypassed;
    }

    // cf ssh

    private volatile boolean sshAllowedWhenDisabled;

    /** The SSH proxy's access check lets users in although SSH is disabled for the app or its space. */
    public void sshAllowedWhenDisabled(boolean on) {
        sshAllowedWhenDisabled = on;
    }

    boolean sshAllowedWhenDisabled() {
        return sshAllowedWhenDisabled;
    }
}
