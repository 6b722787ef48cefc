package vigil.availability;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A probe's identity and pace.
 *
 * @param name    names the probe in reports and its CSV/SVG files, e.g. {@code app-http}
 * @param target  what is probed, for people (e.g. the URL)
 * @param rateHz  checks per second (0.01 is once every 100 s)
 * @param timeout how long after its scheduled time a check may take before it counts as failed
 * @param maxInFlight at most this many checks of the probe run at once; a check due while that many are still
 *                    running fails at once as {@code in_flight_cap} (see {@link #defaultMaxInFlight})
 */
public record ProbeSpec(String name, String target, double rateHz, Duration timeout, int maxInFlight) {
    private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** Beyond this the instrument measures itself rather than the target (and its CSV grows by GBs an hour). */
    public static final double MAX_RATE_HZ = 10_000;
    /** The highest in-flight cap: beyond it a hung target costs the instrument threads and sockets without end. */
    public static final int MAX_IN_FLIGHT = 1_000;

    /** A probe with the {@link #defaultMaxInFlight default in-flight cap}. */
    public ProbeSpec(String name, String target, double rateHz, Duration timeout) {
        this(name, target, rateHz, timeout, defaultMaxInFlight(rateHz, timeout));
    }

    public ProbeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (!FILE_SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("probe name '" + name
                    + "' must be 1-100 letters, digits, '.', '_' or '-' (it names the probe's files)");
        }
        if (!(rateHz > 0 && rateHz <= MAX_RATE_HZ)) {
            throw new IllegalArgumentException("rate of probe " + name + " must be above 0 and at most "
                    + (int) MAX_RATE_HZ + " Hz, was " + rateHz);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout of probe " + name + " must be positive, was " + timeout);
        }
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("in-flight cap of probe " + name + " must be 1 to " + MAX_IN_FLIGHT
                    + ", was " + maxInFlight);
        }
    }

    /**
     * As many checks as can be due within two timeouts, plus one: a target that answers within the timeout never
     * meets the cap, nor does a client whose own timeout fires late (the JDK's, on a loaded machine), while checks
     * that hang on past it cannot pile up without bound. 10 Hz with a 2 s timeout gives 41; once a minute with a
     * 60 s timeout gives 3.
     */
    public static int defaultMaxInFlight(double rateHz, Duration timeout) {
        double due = Math.ceil(2 * rateHz * timeout.toNanos() / 1e9);
        return (int) Math.max(1, Math.min(MAX_IN_FLIGHT, due + 1));
    }

    /** Time between two scheduled checks, in nanoseconds. */
    long intervalNanos() {
        return Math.max(1, Math.round(1e9 / rateHz));
    }
}
