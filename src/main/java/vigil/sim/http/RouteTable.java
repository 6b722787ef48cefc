package vigil.sim.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a method and a path template such as {@code /v3/apps/{guid}} to a value (usually a handler).
 * Components keep their own table, so adding an endpoint is one {@link #add} call.
 *
 * @param <T> what a route leads to; CC and UAA use different handler shapes
 */
public final class RouteTable<T> {

    /** A matched route: its value and the path parameters it captured. */
    public record Match<T>(T value, Map<String, String> pathParams) {
    }

    private record Route<T>(String method, String[] segments, T value) {
    }

    private final List<Route<T>> routes = new ArrayList<>();

    public RouteTable<T> add(String method, String template, T value) {
        routes.add(new Route<>(method.toUpperCase(Locale.ROOT), split(template), value));
        return this;
    }

    /** The first route registered for this method whose template matches the path. */
    public Optional<Match<T>> match(String method, String path) {
        String[] actual = split(path);
        for (Route<T> route : routes) {
            if (!route.method().equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> params = bind(route.segments(), actual);
            if (params != null) {
                return Optional.of(new Match<>(route.value(), params));
            }
        }
        return Optional.empty();
    }

    /** Whether some route serves this path with any method (to tell 404 from 405 where that matters). */
    public boolean knowsPath(String path) {
        String[] actual = split(path);
        return routes.stream().anyMatch(route -> bind(route.segments(), actual) != null);
    }

    private static Map<String, String> bind(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), actual[i]);
            } else if (!part.equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
