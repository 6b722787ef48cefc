package vigil.report;

import java.util.Locale;

/** Outcome of one scenario. */
public enum ScenarioStatus {
    PASSED, FAILED, SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
