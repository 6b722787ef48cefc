package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A log read passes only when its newest line is newer than the newest one of the read before. */
class LogFreshnessTest {
    private static final Instant T = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void newerLinePassesAndTheSameOrAnOlderOneIsStale() {
        LogFreshness freshness = new LogFreshness();
        assertThat(freshness.judge(T).ok()).as("first read: nothing to compare with").isTrue();
        assertThat(freshness.judge(T.plusSeconds(1)).ok()).isTrue();
        ProbeOutcome same = freshness.judge(T.plusSeconds(1));
        assertThat(same.ok()).isFalse();
        assertThat(same.error()).isEqualTo("stale_logs");
        assertThat(freshness.judge(T).error()).as("an older line (another instance's) is no news").isEqualTo("stale_logs");
        assertThat(freshness.judge(T.plusMillis(1001)).ok()).as("compared with the newest seen").isTrue();
    }

    @Test
    void noLineAtAllIsNoLogsAndDoesNotForgetTheNewestSeen() {
        LogFreshness freshness = new LogFreshness();
        assertThat(freshness.judge(null).error()).isEqualTo("no_logs");
        assertThat(freshness.judge(T).ok()).isTrue();
        assertThat(freshness.judge(null).error()).isEqualTo("no_logs");
        assertThat(freshness.judge(T).error()).isEqualTo("stale_logs");
    }
}
