package vigil.cf;

import java.time.Duration;
import java.util.Set;

/**
 * When a request to the CF is sent again: only idempotent methods (never a POST, which could create
 * twice), only for answers that say "try again" (502, 503, 429) or a connection that failed, with a
 * growing pause, at most {@code maxAttempts} times in all. A 4xx other than 429 is never retried.
 */
public record RetryPolicy(int maxAttempts, Duration firstPause, Duration maxPause) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(4));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final Set<Integer> TRY_AGAIN = Set.of(429, 502, 503);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    boolean mayRetry(String method) {
        return maxAttempts > 1 && IDEMPOTENT.contains(method);
    }

    static boolean saysTryAgain(int status) {
        return TRY_AGAIN.contains(status);
    }

    /** The pause after the given failed attempt (1-based): doubling from firstPause up to maxPause. */
    Duration pauseAfter(int attempt) {
        Duration pause = firstPause.multipliedBy(1L << Math.min(attempt - 1, 20));
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }
}
