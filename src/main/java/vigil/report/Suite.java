package vigil.report;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three suites Vigil runs; a scenario belongs to the suite whose tag it carries. */
public enum Suite {
    SMOKE, ACCEPTANCE, AVAILABILITY;

    /** Lower-case name as used on the command line, in file names and in summary.json. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Cucumber tag that selects this suite, e.g. {@code @smoke}. */
    public String tag() {
        return "@" + id();
    }

    public static Optional<Suite> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
