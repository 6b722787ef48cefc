package vigil.sim.router;

import java.util.List;
import java.util.Optional;

/**
 * Where a request for a host and path may go: the routable instances of every app mapped to the best
 * matching route (longest path prefix). Empty when there is no such route or nothing routable behind it,
 * which the router answers as gorouter does: 404 {@code unknown_route}.
 */
@FunctionalInterface
public interface RouteResolver {
    List<Backend> backends(String host, String path);

    /** The route service bound to the route a host and path resolve to, if any (none by default). */
    default Optional<String> routeServiceUrl(String host, String path) {
        return Optional.empty();
    }
}
