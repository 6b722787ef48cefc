package vigil.report;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Outcome of one scenario. {@link #FLAKY}: it failed, was rerun ({@code vigil run --rerun-failed}) and passed on a
 * later attempt; it is neither counted as passed nor as failed.
 */
public enum ScenarioStatus {
    PASSED, FAILED, SKIPPED, FLAKY;

    /** Lower-case name, as written to summary.json. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
