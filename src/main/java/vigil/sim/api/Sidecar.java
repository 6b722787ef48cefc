package vigil.sim.api;

import java.time.Instant;
import java.util.List;

/**
 * A sidecar of an app: a command that runs beside each instance of the listed process types (CC's
 * {@code /v3/apps/:guid/sidecars}).
 *
 * @param memoryMb the memory it reserves out of the process's, or null when not given
 * @param origin   {@code user} for sidecars made through the API
 */
record Sidecar(String guid, String appGuid, String name, String command, List<String> processTypes, Integer memoryMb,
               String origin, Instant createdAt, Instant updatedAt) implements CcResource {

    Sidecar {
        processTypes = List.copyOf(processTypes);
    }

    @Override
    public Metadata metadata() {
        return Metadata.EMPTY;
    }

    Sidecar updated(String newName, String newCommand, List<String> newTypes, Integer newMemoryMb, Instant now) {
        return new Sidecar(guid, appGuid, newName, newCommand, newTypes, newMemoryMb, origin, createdAt, now);
    }
}
