package vigil.report;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The verdict of a whole run, as written to summary.json. */
public enum Verdict {
    /** Every selected scenario passed and every threshold held. */
    PASSED,
    /** A scenario failed or a threshold was breached. */
    FAILED,
    /** The run could not be carried out: target unreachable, authentication or setup failed. */
    ERROR,
    /** Stopped by a signal. */
    ABORTED;

    /** Lower-case name, as written to summary.json. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
