package vigil.sim.uaa;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code GET /oauth/authorize?response_type=code&client_id=...} with a user's bearer token, as {@code cf ssh} and
 * {@code cf ssh-code} send it: the client auto-approves, so UAA answers at once with a 302 to the client's redirect
 * URI carrying a one-time {@code code}. The code grants the user's groups that the client's scopes allow.
 */
final class AuthorizeEndpoint {

    private final IdentityZone zone;
    private final AuthorizationCodes codes;
    private final BearerTokenReader tokens;
    private final TokenFactory tokenFactory;
    /** cf-deployment registers the SSH proxy's redirect URI as UAA's own login page. */
    private final String redirectUri;

    AuthorizeEndpoint(IdentityZone zone, AuthorizationCodes codes, BearerTokenReader tokens, TokenFactory tokenFactory,
                      URI uaaUrl) {
        this.zone = zone;
        this.codes = codes;
        this.tokens = tokens;
        this.tokenFactory = tokenFactory;
        this.redirectUri = uaaUrl + "/login";
    }

    Response authorize(Request request) {
        Map<String, String> query = request.query();
        String responseType = query.getOrDefault("response_type", "");
        if (!"code".equals(responseType)) {
            throw OAuthError.unsupportedResponseType(responseType);
        }
        String clientId = query.getOrDefault("client_id", "");
        OAuthClient client = zone.client(clientId)
                .orElseThrow(() -> OAuthError.invalidRequest("No client with requested id: " + clientId));
        if (!client.allows("authorization_code")) {
            throw OAuthError.invalidClient("Unauthorized grant type: authorization_code");
        }
        String userId = tokens.requireUserId(request.header("Authorization"));
        UaaUser user = zone.userById(userId)
                .orElseThrow(() -> OAuthError.invalidToken("Token bears a non-existent user ID: " + userId));
        List<String> scopes = client.scopes().stream().filter(user.groups()::contains).toList();
        String code = codes.issue(user.id(), client.id(), scopes, tokenFactory.now());
        StringBuilder location = new StringBuilder(redirectUri).append("?code=").append(code);
        String state = query.get("state");
        if (state != null) {
            location.append("&state=").append(URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        return Response.empty(302).withHeader("Location", location.toString())
                .withHeader("Cache-Control", "no-store");
    }
}
