package vigil.sim.admin;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run a platform deploy of the embedded CF, as {@code bosh deploy} rolls the Diego cells.
 *
 * @param evacuation whether a cell's instances move to other cells before it restarts (Diego's default);
 *                   false stops them first, which is real downtime for apps whose instances were all there
 * @param drain      how long each cell stays down while it "restarts"
 */
public record DeployRequest(boolean evacuation, Duration drain) {

    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(2);
    static final Duration MAX_DRAIN = Duration.ofMinutes(10);

    public DeployRequest {
        Objects.requireNonNull(drain, "drain");
        if (drain.isNegative() || drain.compareTo(MAX_DRAIN) > 0) {
            throw new IllegalArgumentException("drain must be between 0 and " + MAX_DRAIN.toMinutes() + " minutes, was "
                    + drain);
        }
    }

    /** With evacuation and the default drain pause. */
    public static DeployRequest evacuating() {
        return new DeployRequest(true, DEFAULT_DRAIN);
    }

    /** Instances stopped before their cell restarts: the deploy that causes downtime. */
    public static DeployRequest withoutEvacuation() {
        return new DeployRequest(false, DEFAULT_DRAIN);
    }

    public DeployRequest withDrain(Duration pause) {
        return new DeployRequest(evacuation, pause);
    }
}
