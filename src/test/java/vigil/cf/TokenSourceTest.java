package vigil.cf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vigil.config.Secret;

/** The token is renewed shortly before it expires, never after; a refused refresh falls back to a login. */
class TokenSourceTest {
    private static final Duration LIFETIME = Duration.ofSeconds(20);

    private Instant now = Instant.parse("2026-11-26T05:00:00Z");
    private final List<String> grants = new ArrayList<>();
    private boolean refreshRefused;

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final TokenSource tokens = new TokenSource(
            () -> issue("password"),
            old -> {
                if (refreshRefused) {
                    throw new AuthenticationException("refresh token expired", 401, "invalid_token");
                }
                return issue("refresh_token");
            },
            clock);

    @Test
    void logsInOnceAndReusesTheTokenWhileItIsFresh() {
        String first = tokens.authorizationHeader();
        now = now.plus(Duration.ofSeconds(10));

        assertThat(tokens.authorizationHeader()).isEqualTo(first);
        assertThat(grants).containsExactly("password");
    }

    @Test
    void refreshesWithinTheLastQuarterOfAShortLifetime() {
        String first = tokens.authorizationHeader();
        now = now.plus(LIFETIME).minus(Duration.ofSeconds(4));

        String second = tokens.authorizationHeader();

        assertThat(second).isNotEqualTo(first);
        assertThat(grants).containsExactly("password", "refresh_token");
    }

    @Test
    void logsInAgainWhenTheRefreshIsRefused() {
        tokens.authorizationHeader();
        refreshRefused = true;
        now = now.plus(LIFETIME);

        tokens.authorizationHeader();

        assertThat(grants).containsExactly("password", "password");
    }

    private AccessToken issue(String grant) {
        grants.add(grant);
        return new AccessToken(new Secret("token-" + grants.size()), now.plus(LIFETIME), "admin", "cf",
                List.of("cloud_controller.admin"), new Secret("refresh-" + grants.size()));
    }
}
