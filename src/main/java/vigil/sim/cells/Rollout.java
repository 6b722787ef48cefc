package vigil.sim.cells;

/**
 * How a rolling deployment replaces the instances of a process with a new version.
 *
 * @param maxInFlight  how many indices are replaced at a time (CC's {@code options.max_in_flight}); each new
 *                     instance is healthy before the old one of its index stops
 * @param stopOldFirst a fault for tests only: stop every old instance first and start the new ones after,
 *                     which makes real downtime, as a naive deployer would
 */
public record Rollout(int maxInFlight, boolean stopOldFirst) {

    public Rollout {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
    }

    /** CC's default: one index at a time, new before old. */
    public static Rollout oneAtATime() {
        return new Rollout(1, false);
    }
}
