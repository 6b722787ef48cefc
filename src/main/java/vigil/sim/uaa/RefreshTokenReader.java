package vigil.sim.uaa;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;

/**
 * Reads a refresh token presented in a refresh_token grant, refusing it with UAA's messages when
 * this zone did not sign it, it is an access token, or it has expired. Refresh tokens are
 * self-contained JWTs, so the sim keeps no token store.
 */
final class RefreshTokenReader {

    /** What a valid refresh token says. */
    record RefreshClaims(String clientId, String userId, String grantType, List<String> scopes, long authTime) {
    }

    private final SigningKey key;
    private final String issuer;
    private final Clock clock;

    RefreshTokenReader(SigningKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    RefreshClaims read(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw OAuthError.invalidToken("Invalid refresh token.");
        }
        if (!key.signed(jwt)) {
            throw OAuthError.invalidToken("Could not verify token signature.");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw OAuthError.invalidToken("Invalid issuer (" + claims.getIssuer() + ") for token did not match expected: " + issuer);
        }
        if (claims.getJWTID() == null || !claims.getJWTID().endsWith(TokenFactory.REFRESH_SUFFIX)) {
            throw OAuthError.invalidToken("Invalid refresh token.");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
            throw OAuthError.invalidToken("Invalid refresh token expired at " + expiry);
        }
        try {
            List<String> scopes = claims.getStringListClaim("granted_scopes");
            Long authTime = claims.getLongClaim("auth_time");
            return new RefreshClaims(claims.getStringClaim("cid"), claims.getStringClaim("user_id"),
                    claims.getStringClaim("grant_type"),
                    scopes == null ? List.of() : scopes, authTime == null ? 0 : authTime);
        } catch (ParseException e) {
            throw OAuthError.invalidToken("Invalid refresh token.");
        }
    }
}
