package vigil.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import vigil.report.Thresholds;

/**
 * How one kind of availability probe runs and is judged, from the {@code availability.probes.NAME} section of
 * the config file (or Vigil's defaults, see {@link AvailabilitySettings}).
 *
 * @param name        the probe kind, e.g. {@code app-http}
 * @param enabled     whether the probe runs (only the optional probes can be switched off)
 * @param rateHz      checks per second ({@code rate_hz}, or 1 / {@code interval_s} for the periodic probes)
 * @param timeout     how long a check may take ({@code timeout_ms})
 * @param maxInFlight at most this many checks at once ({@code max_in_flight}), {@code null} for the default
 * @param thresholds  what the probe is judged against
 * @param knownErrors error kinds (regular expressions, found anywhere in the kind) that count as warnings
 */
public record ProbeSettings(String name, boolean enabled, double rateHz, Duration timeout, Integer maxInFlight,
                            Thresholds thresholds, List<Pattern> knownErrors) {
    public ProbeSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        thresholds = thresholds == null ? Thresholds.NONE : thresholds;
        knownErrors = knownErrors == null ? List.of() : List.copyOf(knownErrors);
    }

    /** Time between two checks. */
    public Duration interval() {
        return Duration.ofNanos(Math.round(1e9 / rateHz));
    }
}
