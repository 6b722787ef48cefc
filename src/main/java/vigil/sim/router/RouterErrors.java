package vigil.sim.router;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The router's own error answers, with gorouter's status codes, {@code X-Cf-Routererror} values,
 * cache headers and plain-text bodies ({@code "<code> <reason>: <message>\n"}, as its plaintext error
 * writer formats them), because probes and known-error patterns match on exactly these.
 */
final class RouterErrors {

    static final String ROUTER_ERROR = "X-Cf-Routererror";

    private static final String NO_CACHE = "no-cache, no-store";
    // gorouter lets caches keep an answer to a malformed request briefly.
    private static final String SHORT_CACHE = "public,max-age=2";

    private RouterErrors() {
    }

    /** No route for the host and path, or nothing routable behind it. */
    static RouterAnswer unknownRoute(String hostHeader) {
        return plainText(404, "Not Found", "unknown_route", NO_CACHE,
                "Requested route ('" + hostHeader + "') does not exist.");
    }

    /** A well-formed {@code X-Cf-App-Instance} naming an instance the route does not have: 400, not 404. */
    static RouterAnswer unknownInstance(AppInstanceHeader target, String hostHeader) {
        return plainText(400, "Bad Request", "unknown_route", NO_CACHE,
                "Requested instance ('" + target.index() + "') with guid ('" + target.appGuid()
                        + "') does not exist for route ('" + hostHeader + "')");
    }

    static RouterAnswer invalidAppInstanceHeader() {
        return plainText(400, "Bad Request", "invalid_cf_app_instance_header", NO_CACHE,
                "Invalid X-CF-App-Instance Header");
    }

    /** No Host, or a Host that is only the client's own address (what some load balancers fill in). */
    static RouterAnswer emptyHost() {
        return plainText(400, "Bad Request", "empty_host", SHORT_CACHE, "Request had empty Host header");
    }

    /**
     * Every backend tried failed before answering, or the one that was answering failed or timed out.
     * gorouter appends the cause in parentheses to the header value, which is what its logs show too.
     */
    static RouterAnswer endpointFailure(String cause) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ROUTER_ERROR, "endpoint_failure (" + cause + ")");
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("X-Content-Type-Options", "nosniff");
        return new RouterAnswer(502, headers, "502 Bad Gateway: Registered endpoint failed to handle the request.\n");
    }

    /** A request came back with a route service signature this router did not make, or made too long ago. */
    static RouterAnswer invalidRouteServiceSignature() {
        return plainText(400, "Bad Request", "invalid_route_service_signature", NO_CACHE,
                "Failed to validate Route Service Signature");
    }

    /** The route's route service cannot be reached (the sim reaches only route services that are its own apps). */
    static RouterAnswer routeServiceUnreachable(String url) {
        return plainText(502, "Bad Gateway", "route_service_unsupported", NO_CACHE,
                "Route service request failed: " + url + " is not an app on this embedded CF");
    }

    /** The router itself failed (gorouter's panic check): 502 with no body. */
    static RouterAnswer unknownFailure() {
        return new RouterAnswer(502, Map.of(ROUTER_ERROR, "unknown_failure"), "");
    }

    private static RouterAnswer plainText(int status, String reason, String routerError, String cacheControl, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ROUTER_ERROR, routerError);
        headers.put("Cache-Control", cacheControl);
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("X-Content-Type-Options", "nosniff");
        return new RouterAnswer(status, headers, status + " " + reason + ": " + message + "\n");
    }
}
