package vigil.sim.uaa;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.sim.http.Handler;
import vigil.sim.http.Request;
import vigil.sim.http.Response;
import vigil.sim.http.RouteTable;

/**
 * Routes UAA requests and turns {@link OAuthError}s into UAA's error bodies. Known paths with
 * another method get 405 as from Spring; unknown paths 404.
 */
final class UaaHandler implements Handler {

    static final String JSON = "application/json;charset=UTF-8";

    private static final Logger LOG = LoggerFactory.getLogger(UaaHandler.class);

    private final RouteTable<Handler> routes = new RouteTable<>();

    UaaHandler(TokenEndpoint token, TokenKeysEndpoint keys, InfoEndpoint info, ScimUsersEndpoint users,
               AuthorizeEndpoint authorize) {
        routes.add("POST", "/oauth/token", token::token)
              .add("GET", "/oauth/authorize", authorize::authorize)
              .add("POST", "/Users", users::create)
              .add("GET", "/Users", users::list)
              .add("GET", "/Users/{id}", users::get)
              .add("DELETE", "/Users/{id}", users::delete)
              .add("GET", "/token_keys", keys::keys)
              .add("GET", "/token_key", keys::key)
              .add("GET", "/info", info::info)
              .add("GET", "/login", info::info);
    }

    @Override
    public Response handle(Request request) {
        try {
            return routes.match(request.method(), request.path())
                    .map(match -> match.value().handle(request.withPathParams(match.pathParams())))
                    .orElseGet(() -> unmatched(request));
        } catch (OAuthError e) {
            // The error names no credentials; the request's form (which holds them) is never logged.
            LOG.debug("{} -> {} {}", request, e.status(), e.error());
            return e.toResponse();
        }
    }

    private Response unmatched(Request request) {
        if (routes.knowsPath(request.path())) {
            throw OAuthError.methodNotAllowed(request.method());
        }
        return Response.empty(404);
    }
}
