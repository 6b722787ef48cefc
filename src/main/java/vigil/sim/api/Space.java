package vigil.sim.api;

import java.time.Instant;

record Space(String guid, String name, String organizationGuid, Instant createdAt, Instant updatedAt,
             Metadata metadata) implements CcResource {

    Space renamed(String newName, Metadata newMetadata, Instant now) {
        return new Space(guid, newName, organizationGuid, createdAt, now, newMetadata);
    }
}
