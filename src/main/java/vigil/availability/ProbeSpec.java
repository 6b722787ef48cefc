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
 */
public record ProbeSpec(String name, String target, double rateHz, Duration timeout) {
    private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** Beyond this the instrument measures itself rather than the target (and its CSV grows by GBs an hour). */
    static final double MAX_RATE_HZ = 10_000;

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
    }

    /** Time between two scheduled checks, in nanoseconds. */
    long intervalNanos() {
        return Math.max(1, Math.round(1e9 / rateHz));
    }
}
