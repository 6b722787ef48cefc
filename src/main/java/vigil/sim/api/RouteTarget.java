package vigil.sim.api;

/**
 * Where a route sends requests: a process of a started app and the port it listens on inside its
 * container (8080 unless the destination names another). The router pairs it with the cells'
 * routable instances of {@code processGuid}.
 */
public record RouteTarget(String appGuid, String processGuid, int port) {
}
