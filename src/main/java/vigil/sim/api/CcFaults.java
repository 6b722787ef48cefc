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
