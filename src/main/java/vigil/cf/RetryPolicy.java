package vigil.cf;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * When a request to the CF is sent again, with a growing pause, at most {@code maxAttempts} times in all:
 * <ul>
 * <li>any method after 429 or 503: the request was turned away, not handled (CC's rate limiter refuses before
 *     anything runs; 503 is a Cloud Controller, or the router in front of it, that cannot take requests), so
 *     even a POST cannot create twice;</li>
 * <li>idempotent methods only after 502 or a failed connection: the request may have been handled.</li>
 * </ul>
 * A {@code Retry-After} in seconds lengthens the pause, up to {@code maxPause}. Any other 4xx is never retried.
 */
public record RetryPolicy(int maxAttempts, Duration firstPause, Duration maxPause) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(4));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final Set<Integer> REFUSED = Set.of(429, 503);
    private static final int BAD_GATEWAY = 502;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    boolean retries() {
        return maxAttempts > 1;
    }

    /** Whether an answer with this status to this method is sent again. */
    boolean retriesAnswer(String method, int status) {
        return REFUSED.contains(status) || status == BAD_GATEWAY && IDEMPOTENT.contains(method);
    }

    /** Whether a request whose connection failed (no answer at all) is sent again. */
    boolean retriesFailedConnection(String method) {
        return IDEMPOTENT.contains(method);
    }

    /**
     * The pause after the given failed attempt (1-based): doubling from firstPause, at least the server's
     * Retry-After, at most maxPause.
     */
    Duration pauseAfter(int attempt, Optional<Duration> retryAfter) {
        Duration pause = firstPause.multipliedBy(1L << Math.min(attempt - 1, 20));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(pause) > 0) {
            pause = retryAfter.get();
        }
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }

    /** A Retry-After header's delay in seconds; empty when absent or an HTTP date (the backoff applies then). */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || !header.trim().matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
    }
}
