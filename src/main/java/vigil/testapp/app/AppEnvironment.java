package vigil.testapp.app;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * What the app reads from its environment once, at start: the variables CF (and the embedded CF) set
 * for every instance, with defaults so the app also runs on a laptop.
 *
 * @param port            {@code PORT}, 8080 when unset
 * @param appName         {@code application_name} of {@code VCAP_APPLICATION}, "vigil-testapp" when absent
 * @param instanceIndex   {@code CF_INSTANCE_INDEX}, "0" when unset
 * @param instanceId      {@code CF_INSTANCE_GUID}, a random id when unset, so that every instance still tells itself apart
 * @param counterLogEvery {@code VIGIL_LOG_COUNTER_MS} as a duration, null when unset (no counter lines)
 */
record AppEnvironment(int port, String appName, String instanceIndex, String instanceId, Duration counterLogEvery) {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_APP_NAME = "vigil-testapp";

    static AppEnvironment from(Map<String, String> env) {
        return new AppEnvironment(
                port(env.get("PORT")),
                orDefault(JsonText.stringMember(env.get("VCAP_APPLICATION"), "application_name"), DEFAULT_APP_NAME),
                orDefault(env.get("CF_INSTANCE_INDEX"), "0"),
                orDefault(env.get("CF_INSTANCE_GUID"), "local-" + UUID.randomUUID()),
                counterLogEvery(env.get("VIGIL_LOG_COUNTER_MS")));
    }

    private static int port(String value) {
        if (isBlank(value)) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("PORT must be 0..65535, was " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number, was '" + value + "'", e);
        }
    }

    private static Duration counterLogEvery(String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis <= 0) {
                throw new IllegalArgumentException("VIGIL_LOG_COUNTER_MS must be positive, was " + value);
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("VIGIL_LOG_COUNTER_MS must be a number of milliseconds, was '" + value + "'", e);
        }
    }

    private static String orDefault(String value, String fallback) {
        return isBlank(value) ? fallback : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
