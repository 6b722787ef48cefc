package vigil.sim.uaa;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Checks the bearer token of a request to UAA's own resources (SCIM, the authorize endpoint): signed by this
 * zone, issued here, not expired, an access token, and carrying one of the scopes the resource needs.
 */
final class BearerTokenReader {

    private final SigningKey key;
    private final String issuer;
    private final Clock clock;

    BearerTokenReader(SigningKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Throws UAA's 401 for a missing or bad token and 403 when none of {@code anyOfScopes} is granted. */
    void require(Optional<String> authorization, List<String> anyOfScopes) {
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "bearer ", 0, 7)) {
            throw OAuthError.noBearerToken();
        }
        List<String> scopes = scopes(authorization.get().substring(7).trim());
        if (scopes.stream().noneMatch(anyOfScopes::contains)) {
            throw OAuthError.insufficientScope();
        }
    }

    /**
     * The user a valid access token speaks for ({@code user_id}), for endpoints that act on the user's behalf
     * ({@code /oauth/authorize}); 401 for a missing or bad token and for a token that speaks for a client only.
     */
    String requireUserId(Optional<String> authorization) {
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "bearer ", 0, 7)) {
            throw OAuthError.noBearerToken();
        }
        try {
            String userId = verified(authorization.get().substring(7).trim()).getStringClaim("user_id");
            if (userId == null) {
                throw OAuthError.invalidToken("A user token is required");
            }
            return userId;
        } catch (ParseException e) {
            throw OAuthError.invalidToken("The token is invalid or expired");
        }
    }

    private List<String> scopes(String token) {
        try {
            List<String> scopes = verified(token).getStringListClaim("scope");
            return scopes == null ? List.of() : scopes;
        } catch (ParseException e) {
            throw OAuthError.invalidToken("The token is invalid or expired");
        }
    }

    private JWTClaimsSet verified(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (!key.signed(jwt) || !issuer.equals(claims.getIssuer())
                    || expiry == null || !expiry.toInstant().isAfter(clock.instant())
                    || claims.getJWTID() == null || claims.getJWTID().endsWith(TokenFactory.REFRESH_SUFFIX)) {
                throw OAuthError.invalidToken("The token is invalid or expired");
            }
            return claims;
        } catch (ParseException e) {
            throw OAuthError.invalidToken("The token is invalid or expired");
        }
    }
}
