package vigil.sim.router;

import java.util.Optional;

/**
 * The one place where a routed request may be answered by the router instead of being proxied: the
 * seam for injected router faults (answering a share of requests with 502/503). It runs after the
 * route is known to exist and before any backend is contacted, so a fault looks like gorouter failing,
 * not like an unknown route.
 */
@FunctionalInterface
interface RequestFilter {

    /** Proxies everything: the router without faults. */
    RequestFilter NONE = (host, path) -> Optional.empty();

    /** @return the answer to send instead of proxying, or empty to proxy the request */
    Optional<RouterAnswer> intercept(String host, String path);
}
