package vigil.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Prometheus's text exposition format (version 0.0.4), for {@code vigil watch}'s {@code /metrics}: each family once,
 * with its {@code # HELP} and {@code # TYPE} lines before its samples, label values and help text escaped as the
 * format says ({@code \\}, {@code \"} and line breaks).
 *
 * <pre>{@code
 * MetricsText text = new MetricsText();
 * text.family("vigil_runs_total", "counter", "Runs started by vigil watch.").sample(Map.of(), 3);
 * text.render();   // "# HELP vigil_runs_total Runs started by vigil watch.\n# TYPE vigil_runs_total counter\nvigil_runs_total 3\n"
 * }</pre>
 */
public final class MetricsText {
    /** The content type a Prometheus server expects for this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Map<String, Family> families = new LinkedHashMap<>();

    /** One metric family; add its samples with {@link #sample}. */
    public final class Family {
        private final String name;
        private final StringBuilder samples = new StringBuilder();

        private Family(String name) {
            this.name = name;
        }

        /** A sample with these labels (in their map's order); NaN and infinities are written as the format says. */
        public Family sample(Map<String, String> labels, double value) {
            samples.append(name);
            if (!labels.isEmpty()) {
                samples.append('{');
                boolean first = true;
                for (Map.Entry<String, String> label : labels.entrySet()) {
                    if (!LABEL.matcher(label.getKey()).matches() || label.getKey().startsWith("__")) {
                        throw new IllegalArgumentException("not a label name: " + label.getKey());
                    }
                    samples.append(first ? "" : ",").append(label.getKey()).append("=\"")
                            .append(escape(Objects.requireNonNull(label.getValue(), label.getKey()), true)).append('"');
                    first = false;
                }
                samples.append('}');
            }
            samples.append(' ').append(number(value)).append('\n');
            return this;
        }
    }

    /** The family {@code name}, declared once with its type ({@code counter} or {@code gauge}) and help. */
    public Family family(String name, String type, String help) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        if (!type.equals("counter") && !type.equals("gauge")) {
            throw new IllegalArgumentException("type must be counter or gauge, was " + type);
        }
        if (type.equals("counter") && !name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name ends in _total: " + name);
        }
        Family family = families.get(name);
        if (family == null) {
            family = new Family(name);
            family.samples.append("# HELP ").append(name).append(' ').append(escape(help, false)).append('\n')
                    .append("# TYPE ").append(name).append(' ').append(type).append('\n');
            families.put(name, family);
        }
        return family;
    }

    /** Every family, in the order first declared. */
    public String render() {
        StringBuilder text = new StringBuilder();
        families.values().forEach(f -> text.append(f.samples));
        return text.toString();
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    private static String escape(String text, boolean quotes) {
        String escaped = text.replace("\\", "\\\\").replace("\n", "\\n");
        return quotes ? escaped.replace("\"", "\\\"") : escaped;
    }
}
