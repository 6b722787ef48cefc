package vigil.sim.router;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fails the share of requests that {@link InjectedFailures} asks for, spread evenly rather than at random
 * (request n fails when {@code floor(n * share)} grows), so that a measured error rate is the injected one.
 */
final class FailingShare implements RequestFilter {

    static final String CAUSE = "injected fault: router-errors";

    private final InjectedFailures failures;
    private final AtomicLong requests = new AtomicLong();

    FailingShare(InjectedFailures failures) {
        this.failures = failures;
    }

    @Override
    public Optional<RouterAnswer> intercept(String host, String path) {
        double share = Math.max(0, Math.min(1, failures.share()));
        if (share == 0) {
            return Optional.empty();
        }
        long n = requests.incrementAndGet();
        boolean fails = (long) Math.floor(n * share) > (long) Math.floor((n - 1) * share);
        return fails ? Optional.of(RouterErrors.endpointFailure(CAUSE)) : Optional.empty();
    }
}
