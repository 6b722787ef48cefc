package vigil.sim.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A deployment of a droplet to an app's web process. {@code state} is CC's internal state (DEPLOYING,
 * DEPLOYED, CANCELING, CANCELED), which CC does not present; clients see {@code status.value} and
 * {@code status.reason}.
 *
 * @param processGuid     the web process being deployed, or null when the app was stopped (started at once)
 * @param version         the process version the deployment brings every instance to
 * @param previousVersion the version the instances ran before, which a cancel returns to
 * @param webInstances    {@code options.web_instances}, or null; likewise memory, disk and log rate
 * @param revisionGuid    the revision the deployment brings the app to; previousRevisionGuid the one a cancel
 *                        returns to (null when the app had none)
 */
record Deployment(String guid, String appGuid, String state, String statusValue, String statusReason,
                  String strategy, int maxInFlight, Integer webInstances, Integer memoryMb, Integer diskMb,
                  Long logRateLimit, String dropletGuid, String previousDropletGuid, String processGuid,
                  String version, String previousVersion, Instant lastHealthyAt, Instant statusUpdatedAt,
                  Instant createdAt, Instant updatedAt, Metadata metadata, String revisionGuid,
                  String previousRevisionGuid) implements CcResource {

    static final String DEPLOYING = "DEPLOYING";
    static final String DEPLOYED = "DEPLOYED";
    static final String CANCELING = "CANCELING";
    static final String CANCELED = "CANCELED";
    static final String SUPERSEDED = "SUPERSEDED";
    static final String ACTIVE = "ACTIVE";
    static final String FINALIZED = "FINALIZED";
    static final String ROLLING = "rolling";
    // canary deployments: PREPAUSED while the canary instance starts, PAUSED (status reason too) until continued
    static final String CANARY = "canary";
    static final String PREPAUSED = "PREPAUSED";
    static final String PAUSED = "PAUSED";
    private static final Set<String> CANCELABLE_STATES = Set.of(DEPLOYING, CANCELING, PREPAUSED, PAUSED);

    boolean active() {
        return ACTIVE.equals(statusValue);
    }

    /** CC's {@code cancelable?}: deploying or already canceling. */
    boolean cancelable() {
        return CANCELABLE_STATES.contains(state);
    }

    boolean canary() {
        return CANARY.equals(strategy);
    }

    /** CC's {@code continuable?}: a paused canary. */
    boolean continuable() {
        return PAUSED.equals(state);
    }

    /** The version the instances are being brought to now: the new one, or the old one while canceling. */
    String targetVersion() {
        return CANCELING.equals(state) ? previousVersion : version;
    }

    /** A new state and status; {@code last_status_change} moves only when the status does, as in CC. */
    Deployment withStatus(String newState, String newValue, String newReason, Instant now) {
        boolean statusChanged = !Objects.equals(statusValue, newValue) || !Objects.equals(statusReason, newReason);
        return new Deployment(guid, appGuid, newState, newValue, newReason, strategy, maxInFlight, webInstances,
                memoryMb, diskMb, logRateLimit, dropletGuid, previousDropletGuid, processGuid, version,
                previousVersion, lastHealthyAt, statusChanged ? now : statusUpdatedAt, createdAt, now, metadata,
                revisionGuid, previousRevisionGuid);
    }

    Deployment healthyAt(Instant now) {
        return new Deployment(guid, appGuid, state, statusValue, statusReason, strategy, maxInFlight, webInstances,
                memoryMb, diskMb, logRateLimit, dropletGuid, previousDropletGuid, processGuid, version,
                previousVersion, now, statusUpdatedAt, createdAt, now, metadata, revisionGuid, previousRevisionGuid);
    }

    Deployment withMetadata(Metadata newMetadata, Instant now) {
        return new Deployment(guid, appGuid, state, statusValue, statusReason, strategy, maxInFlight, webInstances,
                memoryMb, diskMb, logRateLimit, dropletGuid, previousDropletGuid, processGuid, version,
                previousVersion, lastHealthyAt, statusUpdatedAt, createdAt, now, newMetadata, revisionGuid,
                previousRevisionGuid);
    }
}
