package vigil.report;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Outcome of one scenario. */
public enum ScenarioStatus {
    PASSED, FAILED, SKIPPED;

    /** Lower-case name, as written to summary.json. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
