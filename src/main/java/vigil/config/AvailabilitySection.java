package vigil.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vigil.availability.ProbeSpec;
import vigil.report.Thresholds;

/**
 * Reads the config file's {@code availability} section over Vigil's defaults, key by key: a key not given keeps
 * its default, a threshold given as {@code null} is not checked. Every wrong value is a problem naming its key
 * path ({@code availability.probes.app-http.rate_hz: must be ...}); unknown probes and keys are warnings with a
 * suggestion, as unknown top-level keys are.
 */
final class AvailabilitySection {
    static final String KEY = "availability";
    private static final String PROBES = "probes";

    private static final String RATE_HZ = "rate_hz";
    private static final String ENABLED = "enabled";
    private static final String INTERVAL_S = "interval_s";
    private static final String TIMEOUT_MS = "timeout_ms";
    private static final String MAX_IN_FLIGHT = "max_in_flight";
    private static final String MIN_AVAILABILITY_PCT = "min_availability_pct";
    private static final String MAX_OUTAGE_S = "max_outage_s";
    private static final String MAX_FAILURES = "max_failures";
    private static final String MAX_P99_LATENCY_MS = "max_p99_latency_ms";
    private static final String KNOWN_ERRORS = "known_errors";
    private static final List<String> COMMON_KEYS = List.of(TIMEOUT_MS, MAX_IN_FLIGHT, MIN_AVAILABILITY_PCT,
            MAX_OUTAGE_S, MAX_FAILURES, MAX_P99_LATENCY_MS, KNOWN_ERRORS);
    /** A day: a periodic probe checked less often than that measures nothing in a run. */
    private static final double MAX_INTERVAL_S = 86_400;

    private final Source source;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private AvailabilitySection(Source source) {
        this.source = source;
    }

    /** The settings, or the defaults where the section says nothing; problems and warnings go to the lists. */
    static AvailabilitySettings read(JsonNode section, Source source, List<String> problems, List<String> warnings) {
        AvailabilitySection reader = new AvailabilitySection(source);
        AvailabilitySettings settings = reader.read(section);
        problems.addAll(reader.problems);
        warnings.addAll(reader.warnings);
        return settings;
    }

    private AvailabilitySettings read(JsonNode section) {
        AvailabilitySettings defaults = AvailabilitySettings.defaults();
        if (section == null || section.isNull()) {
            return defaults;
        }
        if (!section.isObject()) {
            reject(KEY, "a section with 'probes' (e.g. availability: {probes: {app-http: {rate_hz: 10}}})", section);
            return defaults;
        }
        List<String> sectionKeys = new ArrayList<>(List.of(PROBES));
        sectionKeys.addAll(LearningSection.KEYS); // issue 15
        warnUnknown(section, KEY, sectionKeys, "key");
        LearningSettings learning = LearningSection.read(section, source, problems, warnings);
        JsonNode probes = section.get(PROBES);
        if (probes == null || probes.isNull()) {
            return new AvailabilitySettings(defaults.probes(), learning);
        }
        String probesPath = KEY + "." + PROBES;
        if (!probes.isObject()) {
            reject(probesPath, "probe names with their settings (e.g. app-http: {rate_hz: 10})", probes);
            return new AvailabilitySettings(defaults.probes(), learning);
        }
        warnUnknown(probes, probesPath, AvailabilitySettings.names(), "probe");
        Map<String, ProbeSettings> merged = new LinkedHashMap<>();
        for (String name : AvailabilitySettings.names()) {
            ProbeSettings fallback = defaults.probe(name);
            JsonNode probe = probes.get(name);
            merged.put(name, probe == null || probe.isNull() ? fallback : probe(probesPath + "." + name, probe, fallback));
        }
        return new AvailabilitySettings(merged, learning);
    }

    private ProbeSettings probe(String path, JsonNode probe, ProbeSettings fallback) {
        if (!probe.isObject()) {
            reject(path, "the probe's settings (e.g. {" + (periodic(fallback) ? "enabled: true, interval_s: 60"
                    : "rate_hz: 10, min_availability_pct: 99.5") + "})", probe);
            return fallback;
        }
        List<String> known = new ArrayList<>(periodic(fallback) ? List.of(ENABLED, INTERVAL_S) : List.of(RATE_HZ));
        known.addAll(COMMON_KEYS);
        warnUnknown(probe, path, known, "key");

        boolean enabled = fallback.enabled();
        double rateHz = fallback.rateHz();
        if (periodic(fallback)) {
            enabled = bool(path, probe, ENABLED).orElse(enabled);
            rateHz = number(path, probe, INTERVAL_S, "a number of seconds above 0 and at most " + (long) MAX_INTERVAL_S,
                    s -> s > 0 && s <= MAX_INTERVAL_S).map(s -> 1 / s).orElse(rateHz);
        } else {
            rateHz = number(path, probe, RATE_HZ, "a number above 0 and at most " + (long) ProbeSpec.MAX_RATE_HZ
                    + " (checks per second)", r -> r > 0 && r <= ProbeSpec.MAX_RATE_HZ).orElse(rateHz);
        }
        Duration timeout = whole(path, probe, TIMEOUT_MS, "a whole number of milliseconds above 0", 1, Long.MAX_VALUE)
                .map(Duration::ofMillis).orElse(fallback.timeout());
        Integer maxInFlight = whole(path, probe, MAX_IN_FLIGHT, "a whole number from 1 to " + ProbeSpec.MAX_IN_FLIGHT
                + " (checks of the probe running at once)", 1, ProbeSpec.MAX_IN_FLIGHT)
                .map(Long::intValue).orElse(fallback.maxInFlight());
        Thresholds defaults = fallback.thresholds();
        Double minPct = threshold(probe, MIN_AVAILABILITY_PCT, defaults.minAvailabilityPct(),
                () -> number(path, probe, MIN_AVAILABILITY_PCT, "a percentage from 0 to 100", p -> p >= 0 && p <= 100));
        Double maxOutage = threshold(probe, MAX_OUTAGE_S, defaults.maxOutageS(),
                () -> number(path, probe, MAX_OUTAGE_S, "a number of seconds, 0 or more", s -> s >= 0));
        Long maxFailures = threshold(probe, MAX_FAILURES, defaults.maxFailures(),
                () -> whole(path, probe, MAX_FAILURES, "a whole number, 0 or more", 0, Long.MAX_VALUE));
        Double maxP99 = threshold(probe, MAX_P99_LATENCY_MS, defaults.maxP99LatencyMs(),
                () -> number(path, probe, MAX_P99_LATENCY_MS, "a number of milliseconds, 0 or more", ms -> ms >= 0));
        List<Pattern> knownErrors = knownErrors(path, probe.get(KNOWN_ERRORS), fallback.knownErrors());
        return new ProbeSettings(fallback.name(), enabled, rateHz, timeout, maxInFlight,
                new Thresholds(minPct, maxOutage, maxFailures, maxP99), knownErrors);
    }

    private static boolean periodic(ProbeSettings probe) {
        return AvailabilitySettings.PERIODIC_PROBES.contains(probe.name());
    }

    /** The threshold's value: its default when the key is absent, none when given as null, else what is given. */
    private static <T> T threshold(JsonNode probe, String key, T fallback, Supplier<Optional<T>> given) {
        if (!probe.has(key)) {
            return fallback;
        }
        if (probe.get(key).isNull()) {
            return null;
        }
        return given.get().orElse(fallback);
    }

    private Optional<Boolean> bool(String path, JsonNode probe, String key) {
        JsonNode value = probe.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        String text = value.isTextual() ? value.asText().trim().toLowerCase(Locale.ROOT) : "";
        if (text.equals("true") || text.equals("false")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        reject(path + "." + key, "true or false", value);
        return Optional.empty();
    }

    private Optional<Double> number(String path, JsonNode probe, String key, String requirement, DoublePredicate rule) {
        JsonNode value = probe.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Double number = SettingConverter.toNumber(value);
        if (number != null && Double.isFinite(number) && rule.test(number)) {
            return Optional.of(number);
        }
        reject(path + "." + key, requirement, value);
        return Optional.empty();
    }

    private Optional<Long> whole(String path, JsonNode probe, String key, String requirement, long min, long max) {
        JsonNode value = probe.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Double number = SettingConverter.toNumber(value);
        if (number != null && number == Math.rint(number) && number >= min && number <= max) {
            return Optional.of(number.longValue());
        }
        reject(path + "." + key, requirement, value);
        return Optional.empty();
    }

    private List<Pattern> knownErrors(String path, JsonNode value, List<Pattern> fallback) {
        String keyPath = path + "." + KNOWN_ERRORS;
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isArray()) {
            reject(keyPath, "a list of error kinds or regular expressions, e.g. [\"http_502\", \"^timeout$\"]", value);
            return fallback;
        }
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = keyPath + "[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank()) {
                reject(itemPath, "an error kind or regular expression such as \"http_502\"", item);
                continue;
            }
            try {
                patterns.add(Pattern.compile(item.asText()));
            } catch (PatternSyntaxException e) {
                problems.add(itemPath + ": must be a regular expression, got " + SettingConverter.show(item) + " ("
                        + e.getDescription() + " at index " + e.getIndex() + "; from " + source.label() + ")");
            }
        }
        return patterns;
    }

    private void reject(String path, String requirement, JsonNode value) {
        problems.add(path + ": must be " + requirement + ", got " + SettingConverter.show(value) + " (from "
                + source.label() + ")");
    }

    private void warnUnknown(JsonNode node, String path, List<String> known, String what) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                String suggestion = ConfigKeys.closest(name, known).map(k -> " (did you mean '" + k + "'?)")
                        .orElse("; known: " + String.join(", ", known));
                warnings.add("unknown " + what + " '" + path + "." + name + "' in " + source.label() + suggestion
                        + ": ignored");
            }
        });
    }
}
