package vigil.sim.api;

import java.time.Instant;
import java.util.List;

/**
 * @param host "" for a route on the domain itself (and for every TCP route)
 * @param path "" or a path starting with '/'
 * @param port the TCP router's port of a route in a TCP domain; null for an HTTP route
 */
record Route(String guid, String host, String path, String domainGuid, String spaceGuid,
             List<Destination> destinations, Instant createdAt, Instant updatedAt, Metadata metadata, Integer port)
        implements CcResource {

    Route {
        destinations = List.copyOf(destinations);
    }

    Route(String guid, String host, String path, String domainGuid, String spaceGuid, List<Destination> destinations,
          Instant createdAt, Instant updatedAt, Metadata metadata) {
        this(guid, host, path, domainGuid, spaceGuid, destinations, createdAt, updatedAt, metadata, null);
    }

    Route withDestinations(List<Destination> newDestinations, Instant now) {
        return new Route(guid, host, path, domainGuid, spaceGuid, newDestinations, createdAt, now, metadata, port);
    }

    Route withMetadata(Metadata newMetadata, Instant now) {
        return new Route(guid, host, path, domainGuid, spaceGuid, destinations, createdAt, now, newMetadata, port);
    }

    List<String> appGuids() {
        return destinations.stream().map(Destination::appGuid).distinct().toList();
    }
}
