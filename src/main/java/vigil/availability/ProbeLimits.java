package vigil.availability;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import vigil.report.Thresholds;

/**
 * What a probe is judged against: its thresholds, and the errors that are known and accepted (regexes found
 * in the error kind, e.g. {@code http_502} or {@code ^connection_reset$}), which count as warnings rather
 * than failures. A probe that is measured but not judged says why ({@code notJudged}); a self-check of the
 * instrument (an outage caused on purpose) is marked as such, so that no later gate judges it either.
 */
public record ProbeLimits(Thresholds thresholds, List<Pattern> knownErrors, String notJudged, boolean selfCheck) {
    /** No threshold and no known error. */
    public static final ProbeLimits NONE = new ProbeLimits(Thresholds.NONE, List.of());

    public ProbeLimits {
        thresholds = thresholds == null ? Thresholds.NONE : thresholds;
        knownErrors = knownErrors == null ? List.of() : List.copyOf(knownErrors);
        if (selfCheck && notJudged == null) {
            throw new IllegalArgumentException("a self-check probe needs the reason it is not judged");
        }
    }

    public ProbeLimits(Thresholds thresholds, List<Pattern> knownErrors) {
        this(thresholds, knownErrors, null, false);
    }

    public static ProbeLimits of(Thresholds thresholds) {
        return new ProbeLimits(thresholds, List.of());
    }

    /** Measured and reported, never judged against thresholds, e.g. {@code measuredOnly("--no-thresholds")}. */
    public static ProbeLimits measuredOnly(String reason) {
        return new ProbeLimits(Thresholds.NONE, List.of(), Objects.requireNonNull(reason, "reason"), false);
    }

    /** A probe that checks the instrument against an outage caused on purpose: its outage is the expected result. */
    public static ProbeLimits selfCheck(String reason) {
        return new ProbeLimits(Thresholds.NONE, List.of(), Objects.requireNonNull(reason, "reason"), true);
    }

    boolean isKnown(String error) {
        Objects.requireNonNull(error, "error");
        return knownErrors.stream().anyMatch(p -> p.matcher(error).find());
    }
}
