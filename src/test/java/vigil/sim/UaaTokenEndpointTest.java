package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.sim.CloudControllerEndpointsTest.fieldNames;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.sim.HttpProbe.Reply;

class UaaTokenEndpointTest {

    private static final Duration LIFETIME = Duration.ofSeconds(600);

    private static Sim sim;
    private static final HttpProbe http = new HttpProbe();
    private static URI tokenUrl;

    @BeforeAll
    static void start() throws IOException {
        sim = Sim.start(SimOptions.defaults().withAdminPassword("s3cret-Pass").withTokenLifetime(LIFETIME));
        tokenUrl = sim.uaaUrl().resolve("/oauth/token");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void passwordGrantReturnsUaaTokenResponse() {
        Reply reply = http.adminLogin(sim);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).containsExactly("access_token", "token_type", "refresh_token", "expires_in", "scope", "jti");
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(LIFETIME.toSeconds());
        assertThat(body.get("scope").asText().split(" ")).contains(
                "cloud_controller.admin", "cloud_controller.read", "cloud_controller.write", "openid", "uaa.user",
                "scim.read", "scim.write", "routing.router_groups.read", "doppler.firehose");
        assertThat(body.get("jti").asText()).matches("[0-9a-f]{32}");
    }

    @Test
    void accessTokenIsAnRs256JwtWithUaaClaims() throws Exception {
        JsonNode body = http.adminLogin(sim).json();
        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asText());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("key-1");
        assertThat(claims.getJWTID()).isEqualTo(body.get("jti").asText());
        assertThat(claims.getSubject()).isEqualTo(claims.getStringClaim("user_id")).matches("[0-9a-f-]{36}");
        assertThat(claims.getStringListClaim("scope")).contains("cloud_controller.admin", "openid");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("cf");
        assertThat(claims.getStringClaim("cid")).isEqualTo("cf");
        assertThat(claims.getStringClaim("azp")).isEqualTo("cf");
        assertThat(claims.getStringClaim("grant_type")).isEqualTo("password");
        assertThat(claims.getStringClaim("origin")).isEqualTo("uaa");
        assertThat(claims.getStringClaim("user_name")).isEqualTo("admin");
        assertThat(claims.getStringClaim("email")).isNotBlank();
        assertThat(claims.getStringClaim("zid")).isEqualTo("uaa");
        assertThat(claims.getIssuer()).isEqualTo(sim.uaaUrl() + "/oauth/token");
        assertThat(claims.getAudience()).contains("cloud_controller", "cf");
        long iat = claims.getIssueTime().toInstant().getEpochSecond();
        long exp = claims.getExpirationTime().toInstant().getEpochSecond();
        assertThat(exp - iat).isEqualTo(LIFETIME.toSeconds());
        assertThat(iat).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(30L));
    }

    @Test
    void tokenKeysVerifyTheToken() throws Exception {
        Reply keys = http.get(sim.uaaUrl().resolve("/token_keys"));
        assertThat(keys.status()).isEqualTo(200);
        JsonNode key = keys.json().at("/keys/0");
        assertThat(fieldNames(key)).contains("kty", "e", "use", "kid", "alg", "value", "n");
        assertThat(key.get("value").asText()).startsWith("-----BEGIN PUBLIC KEY-----");

        RSAKey rsa = JWKSet.parse(keys.raw().body()).getKeyByKeyId("key-1").toRSAKey();
        SignedJWT jwt = SignedJWT.parse(http.adminAccessToken(sim));

        assertThat(jwt.verify(new RSASSAVerifier(rsa))).isTrue();
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        Reply reply = http.postForm(tokenUrl,
                Map.of("grant_type", "password", "username", "admin", "password", "wrong"), "cf", "");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.raw().body()).isEqualTo("{\"error\":\"unauthorized\",\"error_description\":\"Bad credentials\"}");
    }

    @Test
    void unknownUserIsUnauthorized() {
        Reply reply = http.postForm(tokenUrl,
                Map.of("grant_type", "password", "username", "nobody", "password", "s3cret-Pass"), "cf", "");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void wrongClientSecretIsInvalidClient() {
        Reply reply = http.postForm(tokenUrl, Map.of("grant_type", "client_credentials"), "admin", "wrong");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.raw().body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=\"UAA/client\"");
    }

    @Test
    void unknownClientIsInvalidClient() {
        Reply reply = http.postForm(tokenUrl,
                Map.of("grant_type", "password", "username", "admin", "password", "s3cret-Pass"), "nope", "");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void clientCredentialsInTheFormWork() {
        Reply reply = http.postForm(tokenUrl,
                Map.of("grant_type", "client_credentials", "client_id", "admin", "client_secret", "s3cret-Pass"), null, null);

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void noClientAuthenticationIsUnauthorized() {
        Reply reply = http.postForm(tokenUrl, Map.of("grant_type", "client_credentials"), null, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void missingGrantTypeIsInvalidRequest() {
        Reply reply = http.postForm(tokenUrl, Map.of("username", "admin"), "cf", "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.raw().body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"Missing grant type\"}");
    }

    @Test
    void unknownGrantTypeIsUnsupported() {
        Reply reply = http.postForm(tokenUrl, Map.of("grant_type", "magic"), "cf", "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.raw().body())
                .isEqualTo("{\"error\":\"unsupported_grant_type\",\"error_description\":\"Unsupported grant type\"}");
    }

    @Test
    void aClientCanOnlyUseItsGrantTypes() {
        Reply reply = http.postForm(tokenUrl, Map.of("grant_type", "client_credentials"), "cf", "");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(reply.json().get("error_description").asText()).isEqualTo("Unauthorized grant type");
    }

    @Test
    void clientCredentialsGrantHasNoRefreshTokenAndNoUserClaims() throws Exception {
        Reply reply = http.postForm(tokenUrl, Map.of("grant_type", "client_credentials"), "admin", "s3cret-Pass");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).containsExactly("access_token", "token_type", "expires_in", "scope", "jti");
        assertThat(body.get("scope").asText().split(" ")).contains("cloud_controller.admin", "uaa.admin");
        JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("admin");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("admin");
        assertThat(claims.getStringClaim("grant_type")).isEqualTo("client_credentials");
        assertThat(claims.getClaims()).doesNotContainKeys("user_id", "user_name", "email", "origin");
    }

    @Test
    void refreshGrantIssuesANewAccessToken() throws Exception {
        JsonNode login = http.adminLogin(sim).json();

        Reply reply = http.postForm(tokenUrl,
                Map.of("grant_type", "refresh_token", "refresh_token", login.get("refresh_token").asText()), "cf", "");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).containsExactly("access_token", "token_type", "refresh_token", "expires_in", "scope", "jti");
        assertThat(body.get("access_token").asText()).isNotEqualTo(login.get("access_token").asText());
        assertThat(body.get("refresh_token").asText()).isEqualTo(login.get("refresh_token").asText());
        assertThat(body.get("scope").asText()).isEqualTo(login.get("scope").asText());
        JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("user_name")).isEqualTo("admin");
        assertThat(http.get(sim.apiUrl().resolve("/v3/organizations"), "Authorization", "bearer " + body.get("access_token").asText())
                .status()).isEqualTo(200);
    }

    @Test
    void refreshTokenLastsThirtyDays() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(http.adminLogin(sim).json().get("refresh_token").asText()).getJWTClaimsSet();

        assertThat(claims.getJWTID()).endsWith("-r");
        long lifetime = claims.getExpirationTime().toInstant().getEpochSecond() - claims.getIssueTime().toInstant().getEpochSecond();
        assertThat(lifetime).isEqualTo(Duration.ofDays(30).toSeconds());
    }

    @Test
    void anAccessTokenIsNoRefreshToken() {
        Reply reply = http.postForm(tokenUrl,
                Map.of("grant_type", "refresh_token", "refresh_token", http.adminAccessToken(sim)), "cf", "");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.raw().body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"Invalid refresh token.\"}");
    }

    @Test
    void missingRefreshTokenIsInvalidRequest() {
        Reply reply = http.postForm(tokenUrl, Map.of("grant_type", "refresh_token"), "cf", "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error_description").asText()).isEqualTo("refresh_token parameter not provided");
    }

    @Test
    void tokenEndpointRefusesGet() {
        Reply reply = http.get(tokenUrl);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.json().get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void infoAndLoginDescribeTheUaa() {
        for (String path : new String[] {"/info", "/login"}) {
            Reply reply = http.get(sim.uaaUrl().resolve(path), "Accept", "application/json");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().at("/app/version").asText()).isNotBlank();
            assertThat(reply.json().at("/links/uaa").asText()).isEqualTo(sim.uaaUrl().toString());
            assertThat(reply.json().at("/links/login").asText()).isEqualTo(sim.uaaUrl().toString());
            assertThat(reply.json().at("/prompts/password/0").asText()).isEqualTo("password");
        }
    }
}
