package vigil.sim.api;

import java.time.Instant;

record Organization(String guid, String name, Instant createdAt, Instant updatedAt, Metadata metadata)
        implements CcResource {

    Organization renamed(String newName, Metadata newMetadata, Instant now) {
        return new Organization(guid, newName, createdAt, now, newMetadata);
    }
}
