package vigil.sim.cells;

/**
 * How a rolling deployment replaces the instances of a process with a new version.
 *
 * @param maxInFlight    how many indices are replaced at a time (CC's {@code options.max_in_flight}); each new
 *                       instance is healthy before the old one of its index stops
 * @param stopOldFirst   a fault for tests only: stop every old instance first and start the new ones after,
 *                       which makes real downtime, as a naive deployer would
 * @param replaceAtMost  how many indices to bring to the new version before stopping (a canary deployment's
 *                       first step replaces one); the others keep their instance until a later roll-out of the
 *                       same version ({@link Integer#MAX_VALUE}: all of them)
 */
public record Rollout(int maxInFlight, boolean stopOldFirst, int replaceAtMost) {

    public Rollout {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        if (replaceAtMost < 0) {
            throw new IllegalArgumentException("replaceAtMost must not be negative, was " + replaceAtMost);
        }
    }

    /** Every index, {@code maxInFlight} at a time. */
    public Rollout(int maxInFlight, boolean stopOldFirst) {
        this(maxInFlight, stopOldFirst, Integer.MAX_VALUE);
    }

    /** CC's default: one index at a time, new before old. */
    public static Rollout oneAtATime() {
        return new Rollout(1, false);
    }

    /** A canary's first step: one index to the new version, then a pause. */
    public Rollout canary() {
        return new Rollout(maxInFlight, stopOldFirst, 1);
    }
}
