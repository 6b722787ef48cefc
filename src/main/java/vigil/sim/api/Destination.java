package vigil.sim.api;

import java.time.Instant;

/** A route mapping: where a route sends requests. CC presents no weight unless one was set. */
record Destination(String guid, String appGuid, String processType, int port, String protocol,
                   Instant createdAt, Instant updatedAt) {

    /** Same app, process type and port: CC keeps one mapping for these. */
    boolean sameTarget(Destination other) {
        return appGuid.equals(other.appGuid) && processType.equals(other.processType) && port == other.port;
    }
}
