package vigil.cf;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.List;
import vigil.config.Secret;

/**
 * Reads the claims of a UAA access token. The client does not verify the signature (the CC does);
 * it only needs {@code exp} to refresh in time and the identity for reports.
 */
final class TokenClaims {
    private TokenClaims() {
    }

    static AccessToken toAccessToken(Secret token, Secret refreshToken) {
        JWTClaimsSet claims;
        try {
            claims = JWTParser.parse(token.reveal()).getJWTClaimsSet();
        } catch (ParseException e) {
            // Never echo the token: say only what is wrong with it.
            throw new IllegalStateException("UAA returned an access token that is not a JWT (" + e.getMessage() + ")");
        }
        if (claims.getExpirationTime() == null) {
            throw new IllegalStateException("UAA returned an access token without an exp claim");
        }
        List<String> scopes = claimList(claims, "scope");
        return new AccessToken(token, claims.getExpirationTime().toInstant(),
                claimString(claims, "user_name"), claimString(claims, "client_id"), scopes, refreshToken);
    }

    private static String claimString(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? "" : value.toString();
    }

    private static List<String> claimList(JWTClaimsSet claims, String name) {
        try {
            List<String> list = claims.getStringListClaim(name);
            return list == null ? List.of() : list;
        } catch (ParseException notAList) {
            return List.of(claimString(claims, name).split(" "));
        }
    }
}
