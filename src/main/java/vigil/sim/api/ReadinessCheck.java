package vigil.sim.api;

import java.time.Instant;

/**
 * A process's {@code readiness_health_check}, kept beside the process under the process's guid. Numbers are
 * null when not set.
 *
 * @param type {@code process} (no check: ready while running), {@code port} or {@code http}
 */
record ReadinessCheck(String guid, String type, String endpoint, Integer invocationTimeout, Integer interval,
                      Instant createdAt, Instant updatedAt) implements CcResource {

    static final String PROCESS = "process";

    static ReadinessCheck none(String processGuid, Instant now) {
        return new ReadinessCheck(processGuid, PROCESS, null, null, null, now, now);
    }

    @Override
    public Metadata metadata() {
        return Metadata.EMPTY;
    }
}
