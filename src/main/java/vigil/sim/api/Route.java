package vigil.sim.api;

import java.time.Instant;
import java.util.List;

/** @param host "" for a route on the domain itself; @param path "" or a path starting with '/' */
record Route(String guid, String host, String path, String domainGuid, String spaceGuid,
             List<Destination> destinations, Instant createdAt, Instant updatedAt, Metadata metadata)
        implements CcResource {

    Route {
        destinations = List.copyOf(destinations);
    }

    Route withDestinations(List<Destination> newDestinations, Instant now) {
        return new Route(guid, host, path, domainGuid, spaceGuid, newDestinations, createdAt, now, metadata);
    }

    Route withMetadata(Metadata newMetadata, Instant now) {
        return new Route(guid, host, path, domainGuid, spaceGuid, destinations, createdAt, now, newMetadata);
    }

    List<String> appGuids() {
        return destinations.stream().map(Destination::appGuid).distinct().toList();
    }
}
