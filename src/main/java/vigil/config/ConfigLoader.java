package vigil.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the configuration of a run from a YAML or JSON file (a CATS integration_config.json as it is),
 * environment variables and command-line flags, in rising precedence, and validates the result.
 *
 * <pre>{@code
 * LoadedConfig loaded = new ConfigLoader(System.getenv()).load(Path.of("env.yml"), ConfigOverrides.none());
 * loaded.warnings().forEach(System.err::println);
 * VigilConfig config = loaded.config();
 * }</pre>
 *
 * Environment variables: {@code CF_API}, {@code CF_APPS_DOMAIN}, {@code CF_USERNAME}, {@code CF_PASSWORD},
 * {@code CF_CLIENT}, {@code CF_CLIENT_SECRET}, {@code CF_SKIP_SSL_VALIDATION}, {@code CF_ROUTER_ADDRESS},
 * {@code VIGIL_NAME_PREFIX}, {@code VIGIL_TIMEOUT_SCALE}. Blank values count as unset.
 */
public final class ConfigLoader {
    private final Map<String, String> environment;
    private final ConfigFileReader fileReader = new ConfigFileReader();

    /** {@code environment} is usually {@code System.getenv()}; tests pass their own map. */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param fileOrNull the config file, or {@code null} to configure from environment and flags alone
     * @throws ConfigException when the file cannot be read or parsed, or any value is missing or wrong
     */
    public LoadedConfig load(Path fileOrNull, ConfigOverrides overrides) throws ConfigException {
        ObjectNode file = fileOrNull == null ? null : fileReader.read(fileOrNull);
        List<String> warnings = new ArrayList<>();
        if (file != null) {
            warnings.addAll(KeyWarnings.of(file, fileOrNull));
        }
        SettingSources sources = new SettingSources(file, fileOrNull, environment, overrides);
        VigilConfig config = ConfigValidator.validate(sources, warnings);
        warnings.addAll(advice(config));
        return new LoadedConfig(config, warnings);
    }

    /** Settings that are valid but worth a second look. */
    private static List<String> advice(VigilConfig config) {
        List<String> advice = new ArrayList<>();
        if (config.skipSslValidation()) {
            advice.add("skip_ssl_validation is true: TLS certificates of " + config.api().getHost()
                    + " and of the apps are not verified");
        }
        if (!config.useExistingOrganization() && config.existingOrganization() != null) {
            advice.add("existing_organization '" + config.existingOrganization()
                    + "' is ignored because use_existing_organization is not true");
        }
        return advice;
    }
}
