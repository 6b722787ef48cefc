package vigil.sim.api;

import java.util.Optional;
import vigil.sim.http.Request;

/**
 * The seam for injected Cloud Controller faults (outage, rate limiting, slowness): consulted before every CF API
 * request, but never for the embedded CF's own {@code /vigil/admin/} endpoints, so that a fault can
 * always be ended. The hook may take its time (a slow API) before it answers.
 */
@FunctionalInterface
public interface ApiFaultHook {

    /** Serves everything: the CC without faults. */
    ApiFaultHook NONE = request -> Optional.empty();

    /**
     * @return empty to serve the request, or how it is refused: 503 {@code CF-ServiceUnavailable} with the
     *         refusal's detail, or 429 {@code CF-RateLimitExceeded} with {@code Retry-After}, in CC's error shape
     */
    Optional<ApiRefusal> before(Request request);
}
