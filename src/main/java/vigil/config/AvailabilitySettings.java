package vigil.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vigil.report.Thresholds;

/**
 * The availability probes of a run, by kind, each with its pace, thresholds and known errors: Vigil's defaults,
 * overridden key by key from the config file's {@code availability.probes} section:
 * <pre>{@code
 * availability:
 *   probes:
 *     app-http: {rate_hz: 10, timeout_ms: 2000, min_availability_pct: 99.5, max_outage_s: 2, known_errors: ["http_502"]}
 *     pushability: {enabled: true, interval_s: 60}
 * }</pre>
 */
public record AvailabilitySettings(Map<String, ProbeSettings> probes, LearningSettings learning) {
    /** The app through the router. */
    public static final String APP_HTTP = "app-http";
    /** The CF API's {@code GET /v3/info}. */
    public static final String CF_API = "cf-api";
    /** An authenticated app lookup at the CF API. */
    public static final String CF_APP_LOOKUP = "cf-app-lookup";
    /** Push and delete a small app (optional). */
    public static final String PUSHABILITY = "pushability";
    /** The probed app's newest log line is newer than the last one seen (optional). */
    public static final String LOG_FRESHNESS = "log-freshness";
    /** Connect, send a line, read the answer over a TCP route (issue 13; the TCP routing availability scenario). */
    public static final String TCP_ROUTE = "tcp-route";
    /** A line the probed app writes arrives on CF's log stream (RLP gateway) in time (optional; issue 13). */
    public static final String LOG_STREAM = "log-stream";

    /** Probes checked at a rate ({@code rate_hz}); the others are periodic ({@code interval_s}) and optional. */
    static final List<String> RATE_PROBES = List.of(APP_HTTP, CF_API, CF_APP_LOOKUP, TCP_ROUTE);
    static final List<String> PERIODIC_PROBES = List.of(PUSHABILITY, LOG_FRESHNESS, LOG_STREAM);

    private static final List<String> ORDER = List.of(APP_HTTP, CF_API, CF_APP_LOOKUP, PUSHABILITY, LOG_FRESHNESS,
            LOG_STREAM, TCP_ROUTE);
    private static final AvailabilitySettings DEFAULTS = new AvailabilitySettings(defaultProbes());

    /** Probes with the default control probe, fresh-connection series and baseline rule (issue 15). */
    public AvailabilitySettings(Map<String, ProbeSettings> probes) {
        this(probes, LearningSettings.defaults());
    }

    public AvailabilitySettings {
        learning = learning == null ? LearningSettings.defaults() : learning;
        probes = Collections.unmodifiableMap(new LinkedHashMap<>(probes));
        for (String name : ORDER) {
            Objects.requireNonNull(probes.get(name), () -> "no settings for probe " + name);
        }
    }

    /** Vigil's defaults: the app at 10 Hz (99.5 %, no outage over 2 s), the API at 2 Hz (99 %), the rest off. */
    public static AvailabilitySettings defaults() {
        return DEFAULTS;
    }

    /** The settings of one probe kind, e.g. {@code probe(AvailabilitySettings.APP_HTTP)}. */
    public ProbeSettings probe(String name) {
        ProbeSettings settings = probes.get(name);
        if (settings == null) {
            throw new IllegalArgumentException("unknown probe '" + name + "', known: " + probes.keySet());
        }
        return settings;
    }

    static List<String> names() {
        return ORDER;
    }

    private static Map<String, ProbeSettings> defaultProbes() {
        Map<String, ProbeSettings> probes = new LinkedHashMap<>();
        Duration twoSeconds = Duration.ofSeconds(2);
        probes.put(APP_HTTP, new ProbeSettings(APP_HTTP, true, 10, twoSeconds, null,
                new Thresholds(99.5, 2.0, null, null), List.of()));
        probes.put(CF_API, new ProbeSettings(CF_API, true, 2, twoSeconds, null,
                new Thresholds(99.0, null, null, null), List.of()));
        probes.put(CF_APP_LOOKUP, new ProbeSettings(CF_APP_LOOKUP, true, 2, twoSeconds, null,
                new Thresholds(99.0, null, null, null), List.of()));
        // A push is one sample a minute: any failed one is worth a look. A stale log read once is an interval
        // of doubt; three in a row (30 s) is logs that stopped flowing.
        probes.put(PUSHABILITY, new ProbeSettings(PUSHABILITY, false, 1.0 / 60, Duration.ofSeconds(60), null,
                new Thresholds(null, null, 0L, null), List.of()));
        probes.put(LOG_FRESHNESS, new ProbeSettings(LOG_FRESHNESS, false, 1.0 / 10, Duration.ofSeconds(5), null,
                new Thresholds(null, 30.0, null, null), List.of()));
        // A line that misses its 5 s once is a blip; streaming that stays broken for 30 s is an outage.
        probes.put(LOG_STREAM, new ProbeSettings(LOG_STREAM, false, 1.0 / 10, Duration.ofSeconds(5), null,
                new Thresholds(null, 30.0, null, null), List.of()));
        // A TCP route is judged as the app's HTTP route is.
        probes.put(TCP_ROUTE, new ProbeSettings(TCP_ROUTE, true, 10, twoSeconds, null,
                new Thresholds(99.5, 2.0, null, null), List.of()));
        return probes;
    }
}
