package vigil.availability;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import vigil.report.Thresholds;

/**
 * What a probe is judged against: its thresholds, and the errors that are known and accepted (regexes found
 * in the error kind, e.g. {@code http_502} or {@code ^connection_reset$}), which count as warnings rather
 * than failures.
 */
public record ProbeLimits(Thresholds thresholds, List<Pattern> knownErrors) {
    /** No threshold and no known error. */
    public static final ProbeLimits NONE = new ProbeLimits(Thresholds.NONE, List.of());

    public ProbeLimits {
        thresholds = thresholds == null ? Thresholds.NONE : thresholds;
        knownErrors = knownErrors == null ? List.of() : List.copyOf(knownErrors);
    }

    public static ProbeLimits of(Thresholds thresholds) {
        return new ProbeLimits(thresholds, List.of());
    }

    boolean isKnown(String error) {
        Objects.requireNonNull(error, "error");
        return knownErrors.stream().anyMatch(p -> p.matcher(error).find());
    }
}
