package vigil.cf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(4));

    @Test
    void pausesDoubleUpToTheMaximum() {
        assertThat(policy.pauseAfter(1, Optional.empty())).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.pauseAfter(3, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.pauseAfter(10, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void waitsAtLeastTheRetryAfterButNoLongerThanTheMaximum() {
        assertThat(policy.pauseAfter(1, RetryPolicy.retryAfter("1"))).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.pauseAfter(4, RetryPolicy.retryAfter("1"))).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.pauseAfter(1, RetryPolicy.retryAfter("3600"))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void readsRetryAfterInSecondsOnly() {
        assertThat(RetryPolicy.retryAfter(" 2 ")).contains(Duration.ofSeconds(2));
        assertThat(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
        assertThat(RetryPolicy.retryAfter(null)).isEmpty();
        assertThat(RetryPolicy.retryAfter("-1")).isEmpty();
    }

    @Test
    void sendsAnyMethodAgainAfterARefusalButOnlyIdempotentOnesAfterABadGateway() {
        assertThat(policy.retriesAnswer("POST", 429)).isTrue();
        assertThat(policy.retriesAnswer("POST", 503)).isTrue();
        assertThat(policy.retriesAnswer("POST", 502)).isFalse();
        assertThat(policy.retriesAnswer("GET", 502)).isTrue();
        assertThat(policy.retriesAnswer("GET", 500)).isFalse();
        assertThat(policy.retriesAnswer("GET", 404)).isFalse();
        assertThat(policy.retriesFailedConnection("POST")).isFalse();
        assertThat(policy.retriesFailedConnection("DELETE")).isTrue();
    }
}
