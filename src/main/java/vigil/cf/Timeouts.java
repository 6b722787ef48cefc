package vigil.cf;

import java.time.Duration;
import vigil.config.VigilConfig;

/**
 * How long Vigil waits for CF's slow operations, each multiplied by {@code timeout_scale}.
 *
 * @param job     an asynchronous job (deletes)
 * @param staging a build, from STAGING to STAGED
 * @param start   every instance of a started app RUNNING
 * @param route   a route mapped or unmapped, as the router sees it: CF's routers learn of a change within seconds,
 *                so a minute is generous, and a router that never learns fails in a minute, not in a start timeout
 * @param poll    the pause between two looks
 */
public record Timeouts(Duration job, Duration staging, Duration start, Duration route, Duration poll) {
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(3), Duration.ofMinutes(1), Duration.ofMillis(250));

    public static Timeouts from(VigilConfig config) {
        return new Timeouts(config.scaled(DEFAULT.job), config.scaled(DEFAULT.staging), config.scaled(DEFAULT.start),
                config.scaled(DEFAULT.route), DEFAULT.poll);
    }
}
