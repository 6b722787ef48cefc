package vigil.sim.uaa;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * UAA's authorization codes: issued by {@code /oauth/authorize} to a logged-in user for one client, redeemed once
 * at {@code /oauth/token} by that client ({@code grant_type=authorization_code}), unusable after five minutes.
 * The SSH proxy redeems the code {@code cf ssh} sends as its password. Thread-safe.
 */
final class AuthorizationCodes {

    /** UAA's default lifetime of an authorization code. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** UAA's codes: ten letters and digits. */
    private static final int LENGTH = 10;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** What a code stands for: the user who asked, the client it is for, the scopes it grants, and when it lapses. */
    record Issued(String userId, String clientId, List<String> scopes, long authTime, Instant expires) {
        Issued {
            scopes = List.copyOf(scopes);
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> codes = new ConcurrentHashMap<>();
    private final Clock clock;
    /** Test-only fault: a redeemed code stays redeemable. */
    private volatile boolean reusable;

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    String issue(String userId, String clientId, List<String> scopes, long authTime) {
        Instant now = clock.instant();
        // Lapsed codes go when new ones come, so codes nobody redeems do not pile up.
        codes.values().removeIf(issued -> !issued.expires().isAfter(now));
        String code = newCode();
        codes.put(code, new Issued(userId, clientId, scopes, authTime, now.plus(LIFETIME)));
        return code;
    }

    /** The code's grant if it was issued for this client and has not lapsed; a code is gone once redeemed. */
    Optional<Issued> redeem(String code, String clientId) {
        Issued issued = reusable ? codes.get(code) : codes.remove(code);
        if (issued == null || !issued.clientId().equals(clientId) || !issued.expires().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(issued);
    }

    /** <b>Test-only fault</b>: redeeming a code no longer uses it up, so one code logs in again and again. */
    void reusable(boolean on) {
        reusable = on;
    }

    private String newCode() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
