package vigil.sim.uaa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Response;

/**
 * An OAuth error as UAA reports it: {@code {"error": ..., "error_description": ...}}. Thrown by
 * the endpoints and turned into the response in one place, {@link #toResponse()}.
 */
final class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String description;

    private OAuthError(int status, String error, String description) {
        super(error + ": " + description);
        this.status = status;
        this.error = error;
        this.description = description;
    }

    /** Wrong username or password in a password grant. */
    static OAuthError badUserCredentials() {
        return new OAuthError(401, "unauthorized", "Bad credentials");
    }

    /** Unknown client or wrong client secret. */
    static OAuthError badClientCredentials() {
        return new OAuthError(401, "invalid_client", "Bad credentials");
    }

    /** No client authentication at all (neither Basic nor client_id in the form). */
    static OAuthError noClientAuthentication() {
        return new OAuthError(401, "unauthorized", "Full authentication is required to access this resource");
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    static OAuthError unsupportedGrantType() {
        return new OAuthError(400, "unsupported_grant_type", "Unsupported grant type");
    }

    /** {@code /oauth/authorize} with a {@code response_type} other than {@code code}. */
    static OAuthError unsupportedResponseType(String responseType) {
        return new OAuthError(400, "unsupported_response_type", "Unsupported response types: [" + responseType + "]");
    }

    static OAuthError invalidToken(String description) {
        return new OAuthError(401, "invalid_token", description);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description);
    }

    /** A valid token without the scope an endpoint needs. */
    static OAuthError insufficientScope() {
        return new OAuthError(403, "insufficient_scope", "Insufficient scope for this resource");
    }

    /** No bearer token where one is needed (Spring Security's message). */
    static OAuthError noBearerToken() {
        return new OAuthError(401, "unauthorized", "Full authentication is required to access this resource");
    }

    static OAuthError scimNotFound(String description) {
        return new OAuthError(404, "scim_resource_not_found", description);
    }

    static OAuthError invalidScimResource(String description) {
        return new OAuthError(400, "invalid_scim_resource", description);
    }

    static OAuthError methodNotAllowed(String method) {
        return new OAuthError(405, "method_not_allowed", "Request method '" + method + "' not supported");
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    Response toResponse() {
        ObjectNode body = JsonWriter.object().put("error", error).put("error_description", description);
        Response response = Response.json(status, UaaHandler.JSON, body);
        if (status == 401 && "invalid_client".equals(error)) {
            // UAA's client authentication challenge; HTTP clients use it to retry with Basic auth.
            response = response.withHeader("WWW-Authenticate",
                    "Basic realm=\"UAA/client\", error=\"unauthorized\", error_description=\"Bad credentials\"");
        }
        return response;
    }
}
