package vigil.sim.uaa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code POST /oauth/token}. Checks happen in UAA's order (client authentication, then the user
 * for password grants, then the grant type), because clients tell failures apart by the
 * resulting error: a wrong password is {@code unauthorized}, a wrong client {@code invalid_client}.
 */
final class TokenEndpoint {

    private final IdentityZone zone;
    private final TokenFactory tokens;
    private final RefreshTokenReader refreshTokens;
    private final AuthorizationCodes codes;

    TokenEndpoint(IdentityZone zone, TokenFactory tokens, RefreshTokenReader refreshTokens, AuthorizationCodes codes) {
        this.zone = zone;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.codes = codes;
    }

    Response token(Request request) {
        // Spring's @RequestParam reads both the query string and the form; so does UAA.
        Map<String, String> params = new LinkedHashMap<>(request.query());
        params.putAll(request.form());
        OAuthClient client = authenticateClient(request, params);
        String grantType = params.getOrDefault("grant_type", "");
        switch (grantType) {
            case "password":
                return respond(passwordGrant(client, params), true);
            case "client_credentials":
                return respond(clientCredentialsGrant(client, params), false);
            case "refresh_token":
                return refreshGrant(client, params);
            case "authorization_code":
                return respond(authorizationCodeGrant(client, params), true);
            case "":
                throw OAuthError.invalidRequest("Missing grant type");
            case "implicit":
                throw OAuthError.invalidGrant("Implicit grant type not supported from token endpoint");
            default:
                throw OAuthError.unsupportedGrantType();
        }
    }

    private OAuthClient authenticateClient(Request request, Map<String, String> params) {
        Optional<String[]> basic = request.header("Authorization").flatMap(TokenEndpoint::basicCredentials);
        String formClientId = params.get("client_id");
        if (basic.isPresent()) {
            String id = basic.get()[0];
            OAuthClient client = zone.authenticateClient(id, basic.get()[1])
                    .or(() -> zone.authenticateClient(formDecoded(id), formDecoded(basic.get()[1])))
                    .orElseThrow(OAuthError::badClientCredentials);
            if (formClientId != null && !formClientId.equals(client.id())) {
                throw OAuthError.invalidClient("Given client ID does not match authenticated client");
            }
            return client;
        }
        if (formClientId != null) {
            return zone.authenticateClient(formClientId, params.getOrDefault("client_secret", ""))
                    .orElseThrow(OAuthError::badClientCredentials);
        }
        throw OAuthError.noClientAuthentication();
    }

    private Grant passwordGrant(OAuthClient client, Map<String, String> params) {
        UaaUser user = zone.authenticateUser(params.getOrDefault("username", ""), params.get("password"))
                .orElseThrow(OAuthError::badUserCredentials);
        requireGrantType(client, "password");
        List<String> scopes = requestedScopes(params, client.scopes()).stream()
                .filter(user.groups()::contains)
                .toList();
        return new Grant(client, user, "password", scopes, tokens.now());
    }

    private Grant clientCredentialsGrant(OAuthClient client, Map<String, String> params) {
        requireGrantType(client, "client_credentials");
        return new Grant(client, null, "client_credentials", requestedScopes(params, client.authorities()), tokens.now());
    }

    /** A code from {@code /oauth/authorize}, once, by the client it was issued for (the SSH proxy redeems cf ssh's). */
    private Grant authorizationCodeGrant(OAuthClient client, Map<String, String> params) {
        requireGrantType(client, "authorization_code");
        String code = params.getOrDefault("code", "");
        if (code.isEmpty()) {
            throw OAuthError.invalidRequest("An authorization code must be supplied.");
        }
        AuthorizationCodes.Issued issued = codes.redeem(code, client.id())
                .orElseThrow(() -> OAuthError.invalidGrant("Invalid authorization code"));
        UaaUser user = zone.userById(issued.userId())
                .orElseThrow(() -> OAuthError.invalidGrant("Invalid authorization code"));
        return new Grant(client, user, "authorization_code", issued.scopes(), issued.authTime());
    }

    /** A refresh hands back the same refresh token, as UAA does unless rotation is configured. */
    private Response refreshGrant(OAuthClient client, Map<String, String> params) {
        String refreshToken = params.get("refresh_token");
        if (refreshToken == null || refreshToken.isEmpty()) {
            throw OAuthError.invalidRequest("refresh_token parameter not provided");
        }
        requireGrantType(client, "refresh_token");
        RefreshTokenReader.RefreshClaims claims = refreshTokens.read(refreshToken);
        if (!client.id().equals(claims.clientId())) {
            throw OAuthError.invalidGrant("Wrong client for this refresh token: " + claims.clientId());
        }
        UaaUser user = zone.userById(claims.userId())
                .orElseThrow(() -> OAuthError.invalidToken("Token bears a non-existent user ID: " + claims.userId()));
        List<String> scopes = requestedScopes(params, claims.scopes());
        if (scopes.isEmpty() || !claims.scopes().containsAll(scopes)) {
            throw OAuthError.invalidScope("Unable to narrow the scope of the client authentication to " + scopes + ".");
        }
        // The new access token records how the user originally logged in, as UAA's does.
        Grant grant = new Grant(client, user, claims.grantType(), scopes, claims.authTime());
        return tokenResponse(tokens.accessToken(grant), refreshToken, scopes);
    }

    private Response respond(Grant grant, boolean withRefreshToken) {
        String refreshToken = withRefreshToken && grant.client().allows("refresh_token") ? tokens.refreshToken(grant) : null;
        return tokenResponse(tokens.accessToken(grant), refreshToken, grant.scopes());
    }

    private static Response tokenResponse(TokenFactory.AccessToken access, String refreshToken, List<String> scopes) {
        ObjectNode body = JsonWriter.object()
                .put("access_token", access.value())
                .put("token_type", "bearer");
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("expires_in", access.expiresIn())
            .put("scope", String.join(" ", scopes))
            .put("jti", access.jti());
        // Tokens must not be cached by anything between the client and the UAA.
        return Response.json(200, UaaHandler.JSON, body)
                .withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache");
    }

    private static void requireGrantType(OAuthClient client, String grantType) {
        if (!client.allows(grantType)) {
            throw OAuthError.invalidClient("Unauthorized grant type");
        }
    }

    /** The {@code scope} parameter if given (each must be allowed), otherwise everything allowed. */
    private static List<String> requestedScopes(Map<String, String> params, List<String> allowed) {
        String requested = params.getOrDefault("scope", "").trim();
        if (requested.isEmpty()) {
            return allowed;
        }
        List<String> scopes = Arrays.stream(requested.split("[\\s,]+")).distinct().toList();
        for (String scope : scopes) {
            if (!allowed.contains(scope)) {
                throw OAuthError.invalidScope("Invalid scope: " + scope);
            }
        }
        return scopes;
    }

    private static Optional<String[]> basicCredentials(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.badClientCredentials();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthError.badClientCredentials();
        }
        return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }

    /** OAuth 2 says Basic client credentials are form-encoded first; some clients do, some don't. */
    private static String formDecoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
