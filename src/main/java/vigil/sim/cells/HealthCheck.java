package vigil.sim.cells;

import java.time.Duration;

/**
 * How the cells decide an instance is healthy, as CC's {@code health_check} says.
 *
 * @param type              {@code port} (default), {@code http} or {@code process}
 * @param endpoint          the path for {@code http}, e.g. {@code /health}; ignored otherwise
 * @param timeout           how long an instance may take to become healthy after it starts
 * @param invocationTimeout how long one http/port check may take
 * @param interval          how often a running instance is checked
 */
public record HealthCheck(String type, String endpoint, Duration timeout, Duration invocationTimeout,
                          Duration interval) {
}
