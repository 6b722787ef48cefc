package vigil.sim.api;

import java.time.Instant;
import java.util.List;

/**
 * A pollable job (an async delete or copy).
 *
 * @param errors CC error documents ({detail, title, code}) of a FAILED job
 */
record Job(String guid, String operation, String state, String resourceType, String resourceGuid, List<ApiError> errors,
           Instant createdAt, Instant updatedAt) implements CcResource {

    static final String PROCESSING = "PROCESSING";
    static final String COMPLETE = "COMPLETE";
    static final String FAILED = "FAILED";

    Job {
        errors = List.copyOf(errors);
    }

    @Override
    public Metadata metadata() {
        return Metadata.EMPTY;
    }

    Job finished(String newState, List<ApiError> newErrors, Instant now) {
        return new Job(guid, operation, newState, resourceType, resourceGuid, newErrors, createdAt, now);
    }
}
