package vigil.sim.api;

import java.time.Instant;
import java.util.Set;

/**
 * A one-off task of an app, run in a droplet of the app.
 *
 * @param sequenceId    the task's number among the app's tasks, from 1
 * @param failureReason why it failed, or null
 */
record Task(String guid, String appGuid, String name, String command, String state, int memoryMb, int diskMb,
            long logRateLimit, String failureReason, String dropletGuid, int sequenceId, Instant createdAt,
            Instant updatedAt, Metadata metadata) implements CcResource {

    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String CANCELING = "CANCELING";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    private static final Set<String> FINAL_STATES = Set.of(SUCCEEDED, FAILED);

    boolean ended() {
        return FINAL_STATES.contains(state);
    }

    Task withState(String newState, String newFailureReason, Instant now) {
        return new Task(guid, appGuid, name, command, newState, memoryMb, diskMb, logRateLimit, newFailureReason,
                dropletGuid, sequenceId, createdAt, now, metadata);
    }

    Task withMetadata(Metadata newMetadata, Instant now) {
        return new Task(guid, appGuid, name, command, state, memoryMb, diskMb, logRateLimit, failureReason,
                dropletGuid, sequenceId, createdAt, now, newMetadata);
    }
}
