package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The {@code last_operation} of a service instance or binding: what was last asked of the broker and how it
 * went ({@code in progress}, {@code succeeded}, {@code failed}), with the broker's own description.
 */
record LastOperation(String type, String state, String description, Instant createdAt, Instant updatedAt) {

    static final String IN_PROGRESS = "in progress";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    static LastOperation started(String type, Instant now) {
        return new LastOperation(type, IN_PROGRESS, null, now, now);
    }

    static LastOperation succeeded(String type, String description, Instant now) {
        return new LastOperation(type, SUCCEEDED, description, now, now);
    }

    LastOperation finished(String newState, String newDescription, Instant now) {
        return new LastOperation(type, newState, newDescription, createdAt, now);
    }

    void writeTo(ObjectNode resource) {
        resource.putObject("last_operation")
                .put("type", type)
                .put("state", state)
                .put("description", description)
                .put("updated_at", CcTimestamp.format(updatedAt))
                .put("created_at", CcTimestamp.format(createdAt));
    }
}
