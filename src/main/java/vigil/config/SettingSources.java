package vigil.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the winning value for a key: a flag beats an environment variable, which beats the file.
 * A blank value counts as not given anywhere, because CI systems commonly export empty variables
 * (and CATS files carry empty strings) for settings they leave unset.
 */
final class SettingSources {
    private final ObjectNode file;
    private final Source fileSource;
    private final Map<String, String> environment;
    private final ConfigOverrides flags;

    /** {@code file} and {@code path} are {@code null} when no config file was given. */
    SettingSources(ObjectNode file, Path path, Map<String, String> environment, ConfigOverrides flags) {
        this.file = file;
        this.fileSource = path == null ? null : Source.file(path);
        this.environment = Map.copyOf(environment);
        this.flags = flags == null ? ConfigOverrides.none() : flags;
    }

    Optional<Setting> lookup(ConfigKey key) {
        JsonNode flagValue = flagValue(key);
        if (isGiven(flagValue)) {
            return Optional.of(new Setting(key, flagValue, Source.flag(key.flag())));
        }
        if (key.envVar() != null) {
            String envValue = environment.get(key.envVar());
            if (envValue != null && !envValue.isBlank()) {
                return Optional.of(new Setting(key, JsonNodeFactory.instance.textNode(envValue.trim()),
                        Source.environment(key.envVar())));
            }
        }
        if (file != null && isGiven(file.get(key.name()))) {
            return Optional.of(new Setting(key, file.get(key.name()), fileSource));
        }
        return Optional.empty();
    }

    /** A section of the file read by its own class (e.g. {@code availability}), or {@code null}. */
    JsonNode fileSection(String key) {
        return file == null ? null : file.get(key);
    }

    /** The config file, as problems name it; {@code null} when there is none. */
    Source fileSource() {
        return fileSource;
    }

    private static boolean isGiven(JsonNode value) {
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank());
    }

    private JsonNode flagValue(ConfigKey key) {
        if (key.flag() == null) {
            return null;
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (key.name()) {
            case "api" -> textOrNull(flags.api());
            case "apps_domain" -> textOrNull(flags.appsDomain());
            case "admin_user" -> textOrNull(flags.adminUser());
            case "router_address" -> textOrNull(flags.routerAddress());
            case "name_prefix" -> textOrNull(flags.namePrefix());
            case "skip_ssl_validation" ->
                    flags.skipSslValidation() == null ? null : nodes.booleanNode(flags.skipSslValidation());
            case "timeout_scale" -> flags.timeoutScale() == null ? null : nodes.numberNode(flags.timeoutScale());
            default -> throw new IllegalStateException("no override field for flag " + key.flag());
        };
    }

    private static JsonNode textOrNull(String value) {
        return value == null ? null : JsonNodeFactory.instance.textNode(value.trim());
    }
}
