package vigil.sim.uaa;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vigil.sim.http.JsonWriter;

/**
 * Builds and signs access and refresh tokens with the claims, claim order and conventions of
 * UAA's: 32-hex {@code jti}, refresh token {@code jti} ending in {@code -r} (the Cloud Controller
 * refuses such tokens as access tokens), audience derived from the scopes' resource prefixes.
 */
final class TokenFactory {

    /** UAA's default refresh token validity, which the cf client also has in cf-deployment. */
    static final Duration REFRESH_LIFETIME = Duration.ofDays(30);
    static final String REFRESH_SUFFIX = "-r";

    /** An access token and what the token response reports about it. */
    record AccessToken(String value, String jti, long expiresIn) {
    }

    private final SigningKey key;
    private final String issuer;
    private final Duration accessLifetime;
    private final Clock clock;
    private final IssuedTokens issued;

    TokenFactory(SigningKey key, String issuer, Duration accessLifetime, Clock clock) {
        this(key, issuer, accessLifetime, clock, new IssuedTokens());
    }

    TokenFactory(SigningKey key, String issuer, Duration accessLifetime, Clock clock, IssuedTokens issued) {
        this.key = key;
        this.issuer = issuer;
        this.accessLifetime = accessLifetime;
        this.clock = clock;
        this.issued = issued;
    }

    String issuer() {
        return issuer;
    }

    AccessToken accessToken(Grant grant) {
        String jti = newTokenId();
        long iat = now();
        long exp = iat + accessLifetime.toSeconds();
        ObjectNode claims = JsonWriter.object();
        claims.put("jti", jti);
        claims.put("sub", grant.forUser() ? grant.user().id() : grant.client().id());
        if (!grant.forUser()) {
            claims.set("authorities", strings(grant.scopes()));
        }
        claims.set("scope", strings(grant.scopes()));
        claims.put("client_id", grant.client().id());
        claims.put("cid", grant.client().id());
        claims.put("azp", grant.client().id());
        claims.put("grant_type", grant.grantType());
        if (grant.forUser()) {
            claims.put("user_id", grant.user().id());
            claims.put("origin", grant.user().origin());
            claims.put("user_name", grant.user().userName());
            claims.put("email", grant.user().email());
            claims.put("auth_time", grant.authTime());
        }
        claims.put("iat", iat);
        claims.put("exp", exp);
        claims.put("iss", issuer);
        claims.put("zid", IdentityZone.ID);
        claims.set("aud", strings(audience(grant)));
        return new AccessToken(sign(claims), jti, exp - iat);
    }

    String refreshToken(Grant grant) {
        long iat = now();
        ObjectNode claims = JsonWriter.object();
        claims.put("jti", newTokenId() + REFRESH_SUFFIX);
        claims.put("sub", grant.user().id());
        claims.put("iat", iat);
        claims.put("exp", iat + REFRESH_LIFETIME.toSeconds());
        claims.put("cid", grant.client().id());
        claims.put("client_id", grant.client().id());
        claims.put("iss", issuer);
        claims.put("zid", IdentityZone.ID);
        claims.set("aud", strings(audience(grant)));
        claims.set("granted_scopes", strings(grant.scopes()));
        claims.set("amr", strings(List.of("pwd")));
        claims.put("auth_time", grant.authTime());
        claims.put("grant_type", grant.grantType());
        claims.put("user_name", grant.user().userName());
        claims.put("origin", grant.user().origin());
        claims.put("user_id", grant.user().id());
        return sign(claims);
    }

    private String sign(ObjectNode claims) {
        String token = key.sign(claims);
        issued.signed(token);
        return token;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    /** UAA's resource ids: each scope's prefix before its last dot, and the client itself. */
    private static Set<String> audience(Grant grant) {
        Set<String> audience = new LinkedHashSet<>();
        for (String scope : grant.scopes()) {
            int dot = scope.lastIndexOf('.');
            audience.add(dot < 0 ? scope : scope.substring(0, dot));
        }
        audience.add(grant.client().id());
        return audience;
    }

    private static String newTokenId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static ArrayNode strings(Iterable<String> values) {
        ArrayNode array = JsonWriter.object().arrayNode();
        values.forEach(array::add);
        return array;
    }
}
