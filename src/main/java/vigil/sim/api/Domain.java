package vigil.sim.api;

import java.time.Instant;

/** @param organizationGuid the owning organization of a private domain; null for a shared domain */
record Domain(String guid, String name, boolean internal, String organizationGuid, Instant createdAt,
              Instant updatedAt, Metadata metadata) implements CcResource {

    boolean shared() {
        return organizationGuid == null;
    }
}
