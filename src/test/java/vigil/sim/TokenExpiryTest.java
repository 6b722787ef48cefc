package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.sim.HttpProbe.Reply;

/** Expiry is judged by the sim's clock, which these tests move instead of sleeping. */
class TokenExpiryTest {

    private static final Duration LIFETIME = Duration.ofSeconds(1);

    private static final MutableClock clock = new MutableClock(Instant.now());
    private static Sim sim;
    private static final HttpProbe http = new HttpProbe();

    @BeforeAll
    static void start() throws IOException {
        sim = Sim.start(SimOptions.defaults().withTokenLifetime(LIFETIME), clock);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Reply organizations(String token) {
        return http.get(sim.apiUrl().resolve("/v3/organizations"), "Authorization", "bearer " + token);
    }

    @Test
    void anAccessTokenIsRefusedOnceItsLifetimeHasPassed() {
        String token = http.adminAccessToken(sim);
        assertThat(organizations(token).status()).isEqualTo(200);

        clock.advance(LIFETIME);

        Reply reply = organizations(token);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().at("/errors/0/title").asText()).isEqualTo("CF-InvalidAuthToken");
        assertThat(reply.json().at("/errors/0/code").asInt()).isEqualTo(1000);
        assertThat(reply.json().at("/errors/0/detail").asText()).isEqualTo("Invalid Auth Token");
    }

    @Test
    void theRefreshTokenOutlivesTheAccessTokenButNotThirtyDays() {
        String refreshToken = http.adminLogin(sim).json().get("refresh_token").asText();
        URI tokenUrl = sim.uaaUrl().resolve("/oauth/token");
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "refresh_token", refreshToken);

        clock.advance(Duration.ofHours(1));
        Reply renewed = http.postForm(tokenUrl, refresh, "cf", "");
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(organizations(renewed.json().get("access_token").asText()).status()).isEqualTo(200);

        clock.advance(Duration.ofDays(30));
        Reply expired = http.postForm(tokenUrl, refresh, "cf", "");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(expired.json().get("error_description").asText()).startsWith("Invalid refresh token expired at ");
    }
}
