package vigil.sim.router;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mutable route table for the tests, resolving as the Cloud Controller side will: the longest
 * path prefix of a host wins. It also remembers what it was asked, to check what the router passes.
 */
final class Routes implements RouteResolver {

    record Asked(String host, String path) {
    }

    private final Map<String, List<Backend>> byRoute = new ConcurrentHashMap<>();
    private final List<Asked> asked = new CopyOnWriteArrayList<>();

    /** @param route {@code host} or {@code host/path} */
    Routes map(String route, Backend... backends) {
        byRoute.put(route, List.of(backends));
        return this;
    }

    void unmap(String route) {
        byRoute.remove(route);
    }

    List<Asked> asked() {
        return List.copyOf(asked);
    }

    @Override
    public List<Backend> backends(String host, String path) {
        asked.add(new Asked(host, path));
        String best = null;
        for (String route : byRoute.keySet()) {
            String prefix = route.contains("/") ? route.substring(route.indexOf('/')) : "";
            boolean sameHost = route.substring(0, route.length() - prefix.length()).equals(host);
            boolean underPrefix = prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
            if (sameHost && underPrefix && (best == null || route.length() > best.length())) {
                best = route;
            }
        }
        return best == null ? List.of() : byRoute.get(best);
    }
}
