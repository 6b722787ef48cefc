package vigil.sim.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How an injected fault refuses a CF API request: the Cloud Controller is unavailable (503
 * {@code CF-ServiceUnavailable}), or CC's rate limiter turns the request away (429 {@code CF-RateLimitExceeded}
 * with {@code Retry-After}). Either way the request is not handled at all, so a client may send it again.
 *
 * @param detail     the error's detail text (503); ignored for 429, whose text is CC's own
 * @param retryAfter 429: when to try again, whole seconds, at least 1; null for 503
 * @param resetAt    429: when the limit resets ({@code X-RateLimit-Reset}); null for 503
 */
public record ApiRefusal(Kind kind, String detail, Duration retryAfter, Instant resetAt) {

    public enum Kind { UNAVAILABLE, RATE_LIMITED }

    public ApiRefusal {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.RATE_LIMITED && (retryAfter == null || retryAfter.toSeconds() < 1 || resetAt == null)) {
            throw new IllegalArgumentException("a 429 needs a reset time and a Retry-After of at least 1 s, was "
                    + retryAfter);
        }
    }

    public static ApiRefusal unavailable(String detail) {
        return new ApiRefusal(Kind.UNAVAILABLE, detail, null, null);
    }

    /** Refused by the rate limiter at {@code now}: try again after {@code retryAfter}. */
    public static ApiRefusal rateLimited(Duration retryAfter, Instant now) {
        return new ApiRefusal(Kind.RATE_LIMITED, null, retryAfter, now.plus(retryAfter));
    }
}
