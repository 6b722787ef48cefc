package vigil.cf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Keeps one valid access token for a client that runs for hours: it refreshes the token shortly
 * before it expires (as the cf CLI does), not after a storm of 401s.
 */
final class TokenSource {
    private static final Duration MAX_MARGIN = Duration.ofSeconds(60);

    private final Supplier<AccessToken> logIn;
    private final UnaryOperator<AccessToken> refresh;
    private final Clock clock;
    private AccessToken current;
    private Duration margin = MAX_MARGIN;

    TokenSource(Supplier<AccessToken> logIn, UnaryOperator<AccessToken> refresh, Clock clock) {
        this.logIn = logIn;
        this.refresh = refresh;
        this.clock = clock;
    }

    synchronized String authorizationHeader() {
        Instant now = clock.instant();
        if (current == null) {
            current = remember(logIn.get(), now);
        } else if (!now.isBefore(current.expiresAt().minus(margin))) {
            current = remember(renew(), now);
        }
        return current.authorizationHeader();
    }

    private AccessToken renew() {
        if (current.refreshToken().isEmpty()) {
            return logIn.get();
        }
        try {
            return refresh.apply(current);
        } catch (AuthenticationException expiredOrRevoked) {
            return logIn.get();
        }
    }

    /** Short-lived tokens (a test UAA with 20 s) get a margin of a quarter of their life, long ones 60 s. */
    private AccessToken remember(AccessToken token, Instant issuedAround) {
        Duration lifetime = Duration.between(issuedAround, token.expiresAt());
        Duration quarter = lifetime.dividedBy(4);
        margin = quarter.compareTo(MAX_MARGIN) < 0 ? quarter : MAX_MARGIN;
        return token;
    }
}
