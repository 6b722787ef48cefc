package vigil.sim.router;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code X-Cf-App-Instance: APP_GUID:INDEX}, which sends a request to one instance only. The format
 * is gorouter's: a lower-case GUID, a colon and decimal digits; the index is kept as text because
 * gorouter compares it as text ({@code 01} names no instance).
 */
record AppInstanceHeader(String appGuid, String index) {

    static final String NAME = "X-Cf-App-Instance";

    private static final Pattern FORMAT =
            Pattern.compile("^([0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}):([0-9]+)$");

    /** Empty when the value is malformed. */
    static Optional<AppInstanceHeader> parse(String value) {
        Matcher matcher = FORMAT.matcher(value);
        return matcher.matches()
                ? Optional.of(new AppInstanceHeader(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    boolean names(Backend backend) {
        return appGuid.equals(backend.appGuid()) && index.equals(Integer.toString(backend.index()));
    }
}
