package vigil.sim.api;

import java.time.Instant;

/**
 * @param organizationGuid the owning organization of a private domain; null for a shared domain
 * @param routerGroupGuid  the TCP router group of a TCP domain; null for an HTTP (or internal) domain
 */
record Domain(String guid, String name, boolean internal, String organizationGuid, Instant createdAt,
              Instant updatedAt, Metadata metadata, String routerGroupGuid) implements CcResource {

    Domain(String guid, String name, boolean internal, String organizationGuid, Instant createdAt, Instant updatedAt,
           Metadata metadata) {
        this(guid, name, internal, organizationGuid, createdAt, updatedAt, metadata, null);
    }

    /** Routes in it carry a port and go through the TCP router, not the HTTP one. */
    boolean tcp() {
        return routerGroupGuid != null;
    }

    boolean shared() {
        return organizationGuid == null;
    }
}
