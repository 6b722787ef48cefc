package vigil.sim.api;

import java.util.function.Function;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * An endpoint of the embedded CF's own administration (status, faults, platform deploys), served by the
 * Cloud Controller outside the CF paths, under {@code /vigil/admin/}, to callers with the admin scope only.
 */
public record AdminRoute(String method, String path, Function<Request, Response> handler) {
    public static final String PREFIX = "/vigil/admin/";

    public AdminRoute {
        if (!path.startsWith(PREFIX)) {
            throw new IllegalArgumentException("admin paths start with " + PREFIX + ": " + path);
        }
    }
}
