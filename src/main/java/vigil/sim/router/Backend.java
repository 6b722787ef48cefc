package vigil.sim.router;

/** One routable app instance behind a route. */
public record Backend(String appGuid, int index, String instanceGuid, String host, int port) {
}
