package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.sim.HttpProbe.Reply;
import vigil.sim.admin.FaultKind;
import vigil.sim.admin.FaultRequest;

/** The api-bursts fault's cycle, walked through by moving the sim's clock: 503, quiet, 429, quiet, slow, quiet. */
class ApiBurstsTest {

    private static final MutableClock clock = new MutableClock(Instant.now());
    private static Sim sim;
    private static final HttpProbe http = new HttpProbe();
    private static String token;

    @BeforeAll
    static void startBursts() throws IOException {
        sim = Sim.start(SimOptions.defaults(), clock);
        token = http.adminAccessToken(sim);
        sim.faults().start(FaultRequest.of(FaultKind.API_BURSTS).lasting(Duration.ofMinutes(5))
                .delayedBy(Duration.ofMillis(300)));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Reply organizations() {
        return http.get(sim.apiUrl().resolve("/v3/organizations"), "Authorization", "bearer " + token);
    }

    @Test
    void cyclesThrough503And429AndSlowAnswersWithQuietBetween() {
        // Each step is checked at its offset into the cycle; the test moves the clock, never waits for it.
        Reply unavailable = organizations();
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.json().at("/errors/0/title").asText()).isEqualTo("CF-ServiceUnavailable");
        assertThat(unavailable.json().at("/errors/0/detail").asText()).contains("api-bursts");

        clock.advance(Duration.ofSeconds(5));
        assertThat(organizations().status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(5));
        Reply limited = organizations();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().at("/errors/0/title").asText()).isEqualTo("CF-RateLimitExceeded");
        assertThat(limited.json().at("/errors/0/code").asInt()).isEqualTo(10013);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");

        clock.advance(Duration.ofSeconds(10));
        long start = System.nanoTime();
        assertThat(organizations().status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        clock.advance(Duration.ofSeconds(5));
        assertThat(organizations().status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(5));
        assertThat(organizations().status()).as("the cycle repeats after 30 s").isEqualTo(503);
    }

    @Test
    void theRootAndTheAdminEndpointsAreNeverRefused() {
        assertThat(http.get(sim.apiUrl().resolve("/")).status()).isEqualTo(200);
        assertThat(http.get(sim.apiUrl().resolve("/vigil/admin/faults"), "Authorization", "bearer " + token).status())
                .isEqualTo(200);
    }
}
