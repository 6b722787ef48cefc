package vigil.sim.api;

/**
 * Faults of the Cloud Controller that tests switch on to show that a check notices broken behaviour.
 * For tests only: a CC started without this object has none of them. Thread-safe; a switch takes effect
 * for what starts after it.
 *
 * <pre>{@code
 * CcFaults faults = new CcFaults();
 * CloudController cc = CloudController.start(..., adminRoutes, faults);
 * faults.deploymentsStopOldInstancesFirst(true);   // the next rolling deployment has real downtime
 * }</pre>
 */
public final class CcFaults {

    private volatile boolean deploymentsStopOldInstancesFirst;

    /** Deployments (and their cancels) stop every old instance before starting new ones. */
    public void deploymentsStopOldInstancesFirst(boolean on) {
        deploymentsStopOldInstancesFirst = on;
    }

    boolean deploymentsStopOldInstancesFirst() {
        return deploymentsStopOldInstancesFirst;
    }
}
