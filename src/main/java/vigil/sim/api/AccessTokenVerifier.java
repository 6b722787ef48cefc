package vigil.sim.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a request's {@code Authorization} header the way CC's token decoder does: a
 * {@code bearer} JWT signed by the UAA key with RS256, not expired, issued by the UAA, meant for
 * {@code cloud_controller}, and an access token (a refresh token's {@code jti} ends in {@code -r}).
 */
final class AccessTokenVerifier {

    private static final String AUDIENCE = "cloud_controller";

    private final Supplier<RSAPublicKey> uaaKey;
    private final String issuer;
    private final Clock clock;
    private volatile RSASSAVerifier verifier;

    /** @param uaaKey the UAA's key, looked up at the first token (as CC reads UAA's token_keys when it needs them) */
    AccessTokenVerifier(Supplier<RSAPublicKey> uaaKey, String issuer, Clock clock) {
        this.uaaKey = uaaKey;
        this.issuer = issuer;
        this.clock = clock;
    }

    private RSASSAVerifier verifier() {
        RSASSAVerifier current = verifier;
        if (current == null) {
            current = new RSASSAVerifier(uaaKey.get());
            verifier = current;
        }
        return current;
    }

    SecurityContext verify(Optional<String> authorization) {
        // CC treats a header that does not start with "bearer" as no token at all.
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "bearer", 0, 6)) {
            return SecurityContext.missing();
        }
        String token = authorization.get().substring(6).trim();
        return caller(token).map(SecurityContext::valid).orElseGet(SecurityContext::invalid);
    }

    private Optional<Caller> caller(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            String jti = claims.getJWTID();
            List<String> audience = claims.getAudience();
            if (expiry == null || !expiry.toInstant().isAfter(clock.instant())
                    || !issuer.equals(claims.getIssuer())
                    || audience == null || !audience.contains(AUDIENCE)
                    || jti == null || jti.endsWith("-r")) {
                return Optional.empty();
            }
            String userId = claims.getStringClaim("user_id");
            String guid = userId != null ? userId : claims.getStringClaim("client_id");
            if (guid == null) {
                return Optional.empty();
            }
            List<String> scopes = claims.getStringListClaim("scope");
            return Optional.of(new Caller(guid, claims.getStringClaim("user_name"),
                    new HashSet<>(scopes == null ? List.of() : scopes)));
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
