package vigil.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;

/**
 * Turns winning settings into typed values and collects a problem for each value of the wrong type or
 * shape, instead of stopping at the first. Problems read "{@code key: must be ..., got ... (from source)}";
 * a secret's value is never shown, only its type.
 */
final class SettingConverter {
    private static final int SHOWN_LENGTH = 60;

    private final SettingSources sources;
    private final List<String> problems = new ArrayList<>();

    SettingConverter(SettingSources sources) {
        this.sources = sources;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** True when some source gives a non-blank value for {@code key}, whatever its type. */
    boolean given(ConfigKey key) {
        return sources.lookup(key).isPresent();
    }

    void problem(String problem) {
        problems.add(problem);
    }

    Optional<String> string(ConfigKey key) {
        return sources.lookup(key).flatMap(setting -> {
            if (setting.value().isTextual()) {
                return Optional.of(setting.value().asText().trim());
            }
            reject(setting, "a string");
            return Optional.empty();
        });
    }

    /** A string that must also satisfy {@code rule}, described by {@code requirement} when it does not. */
    Optional<String> string(ConfigKey key, String requirement, Predicate<String> rule) {
        Optional<String> value = string(key);
        if (value.isPresent() && !rule.test(value.get())) {
            reject(key, requirement);
            return Optional.empty();
        }
        return value;
    }

    Secret secret(ConfigKey key) {
        return sources.lookup(key).map(setting -> {
            if (setting.value().isTextual()) {
                return new Secret(setting.value().asText());
            }
            reject(setting, "a string");
            return Secret.empty();
        }).orElse(Secret.empty());
    }

    boolean bool(ConfigKey key, boolean fallback) {
        return sources.lookup(key).map(setting -> {
            JsonNode value = setting.value();
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            // Environment variables are text, and generated YAML often quotes booleans.
            String text = value.isTextual() ? value.asText().trim().toLowerCase(Locale.ROOT) : "";
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            reject(setting, "true or false");
            return fallback;
        }).orElse(fallback);
    }

    double number(ConfigKey key, String requirement, DoublePredicate rule, double fallback) {
        return sources.lookup(key).map(setting -> {
            Double number = toNumber(setting.value());
            if (number != null && Double.isFinite(number) && rule.test(number)) {
                return number;
            }
            reject(setting, requirement);
            return fallback;
        }).orElse(fallback);
    }

    static Double toNumber(JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (!value.isTextual()) {
            return null;
        }
        try {
            // BigDecimal, not Double.parseDouble, which would also take "NaN", "Infinity" and "1.5d".
            return new BigDecimal(value.asText().trim()).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Records that the winning value for {@code key} does not meet {@code requirement}. */
    void reject(ConfigKey key, String requirement) {
        sources.lookup(key).ifPresent(setting -> reject(setting, requirement));
    }

    /** Like {@link #reject(ConfigKey, String)}, for values that must not be echoed (they hold credentials). */
    void rejectWithoutValue(ConfigKey key, String requirement) {
        sources.lookup(key).ifPresent(setting -> problems.add(
                key.name() + ": must be " + requirement + " (from " + setting.source().label() + ")"));
    }

    private void reject(Setting setting, String requirement) {
        ConfigKey key = setting.key();
        String shown = key.kind() == ConfigKey.Kind.SECRET ? describeType(setting.value()) : show(setting.value());
        problems.add(key.name() + ": must be " + requirement + ", got " + shown
                + " (from " + setting.source().label() + ")");
    }

    /** Records that no value was given for {@code key}, and says where one can be given. */
    void missing(ConfigKey key, String reason) {
        problems.add(key.name() + ": missing" + (reason.isEmpty() ? "" : ", " + reason)
                + " (set it in " + key.places() + ")");
    }

    static String describeType(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isTextual()) {
            return "a string";
        }
        return "null";
    }

    static String show(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            return "\"" + (text.length() > SHOWN_LENGTH ? text.substring(0, SHOWN_LENGTH) + "..." : text) + "\"";
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        return describeType(value);
    }
}
