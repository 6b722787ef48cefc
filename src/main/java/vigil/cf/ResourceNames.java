package vigil.cf;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names of what a run creates: {@code <prefix>-<runid>-<kind>-<n>}, e.g. {@code vigil-k3x9q2-app-7}, so that
 * leftovers can be told apart and swept by prefix ({@code vigil cleanup}). Thread-safe.
 */
public final class ResourceNames {
    private final String prefix;
    private final String runId;
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    public ResourceNames(String prefix, String runId) {
        this.prefix = prefix;
        this.runId = runId;
    }

    /** The next name of this kind, e.g. {@code next("app")}. */
    public String next(String kind) {
        int n = counters.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        return prefix + "-" + runId + "-" + kind.toLowerCase(Locale.ROOT) + "-" + n;
    }

    /** The run's own org: {@code <prefix>-<runid>-org}. */
    public String organization() {
        return prefix + "-" + runId + "-org";
    }

    /** Whether a name was made by some run with this prefix. */
    public static boolean madeByVigil(String name, String prefix) {
        return name.matches(java.util.regex.Pattern.quote(prefix) + "-[a-z0-9]{6}-[a-z]+(-\\d+)?");
    }
}
