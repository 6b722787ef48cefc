package vigil.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * Reads {@code availability.control}, {@code availability.new_connections} and {@code availability.baseline} over
 * {@link LearningSettings#defaults()}; each wrong value is a problem naming its key path.
 */
final class LearningSection {
    static final String CONTROL = "control";
    static final String NEW_CONNECTIONS = "new_connections";
    static final String BASELINE = "baseline";
    /** The keys of the availability section this reader owns. */
    static final List<String> KEYS = List.of(CONTROL, NEW_CONNECTIONS, BASELINE);

    private final Source source;
    private final List<String> problems;
    private final List<String> warnings;

    private LearningSection(Source source, List<String> problems, List<String> warnings) {
        this.source = source;
        this.problems = problems;
        this.warnings = warnings;
    }

    static LearningSettings read(JsonNode section, Source source, List<String> problems, List<String> warnings) {
        return new LearningSection(source, problems, warnings).read(section);
    }

    private LearningSettings read(JsonNode section) {
        LearningSettings d = LearningSettings.defaults();
        if (section == null || !section.isObject()) {
            return d;
        }
        String path = AvailabilitySection.KEY + ".";
        boolean control = d.control();
        Duration late = d.controlLate();
        JsonNode controlNode = section.get(CONTROL);
        if (controlNode != null && !controlNode.isNull()) {
            if (!object(path + CONTROL, controlNode, List.of("enabled", "late_ms"))) {
                return d;
            }
            control = bool(path + CONTROL + ".enabled", controlNode.get("enabled"), control);
            late = Duration.ofMillis((long) number(path + CONTROL + ".late_ms", controlNode.get("late_ms"),
                    late.toMillis(), 1, 60_000, "a whole number of milliseconds from 1 to 60000"));
        }
        boolean newConnections = bool(path + NEW_CONNECTIONS, section.get(NEW_CONNECTIONS), d.newConnections());
        int minRuns = d.minRuns();
        double margin = d.marginS();
        double factor = d.factor();
        String kind = d.kind();
        boolean judge = d.judge();
        JsonNode baseline = section.get(BASELINE);
        if (baseline != null && !baseline.isNull()) {
            String at = path + BASELINE;
            if (object(at, baseline, List.of("min_runs", "margin_s", "factor", "kind", "judge"))) {
                minRuns = (int) number(at + ".min_runs", baseline.get("min_runs"), minRuns, 1, 10_000,
                        "a whole number of runs from 1 to 10000");
                margin = number(at + ".margin_s", baseline.get("margin_s"), margin, 0, 86_400, "seconds, 0 or more");
                factor = number(at + ".factor", baseline.get("factor"), factor, 1, 100, "a factor from 1 to 100");
                judge = bool(at + ".judge", baseline.get("judge"), judge);
                JsonNode kindNode = baseline.get("kind");
                if (kindNode != null && !kindNode.isNull()) {
                    if (kindNode.isTextual() && !kindNode.asText().isBlank()) {
                        kind = kindNode.asText();
                    } else {
                        reject(at + ".kind", "a template such as \"" + LearningSettings.DEFAULT_KIND + "\"", kindNode);
                    }
                }
            }
        }
        return new LearningSettings(control, late, newConnections, minRuns, margin, factor, kind, judge);
    }

    private boolean object(String path, JsonNode node, List<String> known) {
        if (!node.isObject()) {
            reject(path, "a section with " + String.join(", ", known), node);
            return false;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                warnings.add("unknown key '" + path + "." + name + "' in " + source.label() + "; known: "
                        + String.join(", ", known) + ": ignored");
            }
        });
        return true;
    }

    private boolean bool(String path, JsonNode value, boolean fallback) {
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        reject(path, "true or false", value);
        return fallback;
    }

    private double number(String path, JsonNode value, double fallback, double min, double max, String requirement) {
        if (value == null || value.isNull()) {
            return fallback;
        }
        Double number = SettingConverter.toNumber(value);
        if (number != null && Double.isFinite(number) && number >= min && number <= max
                && (!requirement.startsWith("a whole") || number == Math.rint(number))) {
            return number;
        }
        reject(path, "must be " + requirement, value);
        return fallback;
    }

    private void reject(String path, String requirement, JsonNode value) {
        problems.add(path + ": " + (requirement.startsWith("must") ? requirement : "must be " + requirement) + ", got "
                + SettingConverter.show(value) + " (from " + source.label() + ")");
    }
}
