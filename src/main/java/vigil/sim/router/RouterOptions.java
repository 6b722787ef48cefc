package vigil.sim.router;

import java.time.Duration;
import java.util.Objects;

/**
 * What the router may wait for and how hard it tries; the defaults are gorouter's
 * ({@code endpoint_dial_timeout} 5 s, {@code endpoint_timeout} 60 s, {@code backends.max_attempts} 3).
 * Tests shorten the timeouts so that a stuck backend fails fast without sleeping.
 *
 * @param connectTimeout  how long to wait for a backend to accept a connection
 * @param responseTimeout how long one attempt may take, from sending to the last byte of the response
 * @param maxAttempts     backends tried per request when connecting fails (never more than the route has)
 * @param maxThreads      requests served at once; more wait in line
 * @param filter          the fault seam, {@link RequestFilter#NONE} for none
 */
record RouterOptions(Duration connectTimeout, Duration responseTimeout, int maxAttempts, int maxThreads, RequestFilter filter) {

    static final RouterOptions DEFAULTS =
            new RouterOptions(Duration.ofSeconds(5), Duration.ofSeconds(60), 3, 256, RequestFilter.NONE);

    RouterOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(filter, "filter");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: connectTimeout=" + connectTimeout
                    + ", responseTimeout=" + responseTimeout);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1, was " + maxThreads);
        }
    }

    RouterOptions withResponseTimeout(Duration timeout) {
        return new RouterOptions(connectTimeout, timeout, maxAttempts, maxThreads, filter);
    }

    RouterOptions withFilter(RequestFilter requestFilter) {
        return new RouterOptions(connectTimeout, responseTimeout, maxAttempts, maxThreads, requestFilter);
    }
}
