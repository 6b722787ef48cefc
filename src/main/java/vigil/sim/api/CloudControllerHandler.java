package vigil.sim.api;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.sim.http.Handler;
import vigil.sim.http.Request;
import vigil.sim.http.Response;
import vigil.sim.http.RouteTable;

/**
 * Every Cloud Controller request passes here: the token is read (as CC's middleware does for every
 * request), the route is looked up, {@link AccessControl} decides what the caller may see and do, and
 * errors become CC error bodies. CC has no 405: a known path
 * with another method is an unknown route, 404 {@code CF-NotFound}, and so is any unknown path.
 */
final class CloudControllerHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(CloudControllerHandler.class);

    private final RouteTable<CcEndpoint> routes;
    private final AccessTokenVerifier tokens;
    private volatile ApiFaultHook faults = ApiFaultHook.NONE;
    private final AccessControl access;

    CloudControllerHandler(RouteTable<CcEndpoint> routes, AccessTokenVerifier tokens, AccessControl access) {
        this.routes = routes;
        this.tokens = tokens;
        this.access = access;
    }

    void faultHook(ApiFaultHook hook) {
        faults = hook;
    }

    /** Whether CC's Rails (v3) app serves the path; everything else is its v2 front controller. */
    static boolean isV3(String path) {
        return path.equals("/v3") || path.startsWith("/v3/");
    }

    @Override
    public Response handle(Request request) {
        return answer(request).withHeader("X-Vcap-Request-Id", requestId(request));
    }

    private Response answer(Request request) {
        String path = routedPath(request.path());
        try {
            // The injected API faults model the public API (the router in front of CC, its per-user rate limiter);
            // platform components such as the SSH proxy reach /internal/ on CC's internal address, not through them.
            if (!path.startsWith(AdminRoute.PREFIX) && !path.startsWith("/internal/")) {
                Optional<ApiRefusal> refusal = faults.before(request);
                if (refusal.isPresent()) {
                    return refused(path, refusal.get());
                }
            }
            SecurityContext security = tokens.verify(request.header("Authorization"));
            // Rails and Sinatra answer HEAD with the GET route (the body is dropped on the way out).
            String method = "HEAD".equals(request.method()) ? "GET" : request.method();
            return routes.match(method, path)
                    .map(match -> access.authorize(request.withPathParams(match.pathParams()), security, match.value()))
                    .orElseThrow(() -> CcError.NOT_FOUND.raise());
        } catch (ApiError e) {
            return CcErrorResponse.forPath(path, e);
        } catch (RuntimeException e) {
            LOG.error("unexpected error serving {}", request, e);
            return CcErrorResponse.forPath(path, CcError.UNKNOWN_ERROR.raise());
        }
    }

    /**
     * CC's rate limiter answers 429 with the X-RateLimit headers and Retry-After; an unavailable CC answers 503.
     * The limit shown is an example figure; remaining 0 and the reset time are what a client acts on.
     */
    private static Response refused(String path, ApiRefusal refusal) {
        if (refusal.kind() == ApiRefusal.Kind.UNAVAILABLE) {
            return CcErrorResponse.forPath(path, CcError.SERVICE_UNAVAILABLE.raise(refusal.detail()));
        }
        long seconds = refusal.retryAfter().toSeconds();
        return CcErrorResponse.forPath(path, CcError.RATE_LIMIT_EXCEEDED.raise())
                .withHeader("Retry-After", Long.toString(seconds))
                .withHeader("X-RateLimit-Limit", "60")
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(refusal.resetAt().getEpochSecond()));
    }

    /** Rails ignores one trailing slash ({@code /v3/} is the v3 root); the v2 side does not. */
    private static String routedPath(String path) {
        return isV3(path) && path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** CC's request id: the client's own id, if it sent one, joined to a fresh one so both can be traced. */
    private static String requestId(Request request) {
        String fresh = UUID.randomUUID().toString();
        return request.header("X-Vcap-Request-Id").map(given -> given + "::" + fresh).orElse(fresh);
    }
}
