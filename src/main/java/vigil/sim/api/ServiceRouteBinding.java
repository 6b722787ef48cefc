package vigil.sim.api;

import java.time.Instant;

/**
 * A route bound to a service instance that sends the route's traffic through a route service.
 *
 * @param routeServiceUrl where the router sends the route's requests: the user-provided instance's
 *                        {@code route_service_url}, or what the broker answered the bind with
 */
record ServiceRouteBinding(String guid, String routeGuid, String serviceInstanceGuid, String routeServiceUrl,
                           LastOperation lastOperation, Instant createdAt, Instant updatedAt, Metadata metadata)
        implements CcResource {

    ServiceRouteBinding withOperation(LastOperation operation, String url, Instant now) {
        return new ServiceRouteBinding(guid, routeGuid, serviceInstanceGuid, url, operation, createdAt, now, metadata);
    }
}
