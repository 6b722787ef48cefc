package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.config.ConfigFixtures.load;
import static vigil.config.ConfigFixtures.write;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Flags beat environment variables, which beat the file, for every key that can be overridden. */
class ConfigPrecedenceTest {
    @TempDir
    Path dir;

    /** One overridable key, with a different value in each layer and how to read the result. */
    record Layered(String key, String fileValue, String envVar, String envValue, ConfigOverrides flag,
                   Function<VigilConfig, Object> read, Object fromFile, Object fromEnv, Object fromFlag) {
        @Override
        public String toString() {
            return key;
        }
    }

    private static ConfigOverrides none() {
        return ConfigOverrides.none();
    }

    static Stream<Layered> flaggedKeys() {
        return Stream.of(
                new Layered("api", "file.example.com", "CF_API", "env.example.com",
                        new ConfigOverrides("https://flag.example.com", null, null, null, null, null, null),
                        c -> c.api().toString(), "https://file.example.com", "https://env.example.com",
                        "https://flag.example.com"),
                new Layered("apps_domain", "file.example.com", "CF_APPS_DOMAIN", "env.example.com",
                        new ConfigOverrides(null, "flag.example.com", null, null, null, null, null),
                        VigilConfig::appsDomain, "file.example.com", "env.example.com", "flag.example.com"),
                new Layered("admin_user", "file-user", "CF_USERNAME", "env-user",
                        new ConfigOverrides(null, null, "flag-user", null, null, null, null),
                        VigilConfig::adminUser, "file-user", "env-user", "flag-user"),
                new Layered("router_address", "file:1", "CF_ROUTER_ADDRESS", "env:2",
                        new ConfigOverrides(null, null, null, "flag:3", null, null, null),
                        VigilConfig::routerAddress, "file:1", "env:2", "flag:3"),
                new Layered("skip_ssl_validation", "false", "CF_SKIP_SSL_VALIDATION", "True",
                        new ConfigOverrides(null, null, null, null, false, null, null),
                        VigilConfig::skipSslValidation, false, true, false),
                new Layered("timeout_scale", "2", "VIGIL_TIMEOUT_SCALE", "3",
                        new ConfigOverrides(null, null, null, null, null, 4.0, null),
                        VigilConfig::timeoutScale, 2.0, 3.0, 4.0),
                new Layered("name_prefix", "file", "VIGIL_NAME_PREFIX", "env",
                        new ConfigOverrides(null, null, null, null, null, null, "flag"),
                        VigilConfig::namePrefix, "file", "env", "flag"));
    }

    static Stream<Layered> environmentOnlyKeys() {
        return Stream.of(
                new Layered("admin_password", "file-pw", "CF_PASSWORD", "env-pw", null,
                        c -> c.adminPassword().reveal(), "file-pw", "env-pw", null),
                new Layered("admin_client", "file-client", "CF_CLIENT", "env-client", null,
                        VigilConfig::adminClient, "file-client", "env-client", null),
                new Layered("admin_client_secret", "file-secret", "CF_CLIENT_SECRET", "env-secret", null,
                        c -> c.adminClientSecret().reveal(), "file-secret", "env-secret", null));
    }

    static Stream<Layered> allKeys() {
        return Stream.concat(flaggedKeys(), environmentOnlyKeys());
    }

    private Path fileWith(Layered layered) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("api", "api.example.com");
        values.put("apps_domain", "apps.example.com");
        values.put("admin_user", "admin");
        values.put("admin_password", "s3cret");
        values.put("admin_client", "ci");
        values.put("admin_client_secret", "ci-secret");
        values.put(layered.key(), layered.fileValue());
        return write(dir, "env.yml", values.entrySet().stream()
                .map(entry -> entry.getKey() + ": \"" + entry.getValue() + "\"")
                .collect(Collectors.joining("\n", "", "\n")));
    }

    @ParameterizedTest
    @MethodSource("allKeys")
    void usesFileValueWhenNothingOverridesIt(Layered layered) throws Exception {
        VigilConfig config = load(fileWith(layered), Map.of(), none()).config();

        assertThat(layered.read().apply(config)).isEqualTo(layered.fromFile());
    }

    @ParameterizedTest
    @MethodSource("allKeys")
    void environmentVariableOverridesFile(Layered layered) throws Exception {
        VigilConfig config = load(fileWith(layered), Map.of(layered.envVar(), layered.envValue()), none()).config();

        assertThat(layered.read().apply(config)).isEqualTo(layered.fromEnv());
    }

    @ParameterizedTest
    @MethodSource("flaggedKeys")
    void flagOverridesEnvironmentVariableAndFile(Layered layered) throws Exception {
        VigilConfig config = load(fileWith(layered), Map.of(layered.envVar(), layered.envValue()), layered.flag())
                .config();

        assertThat(layered.read().apply(config)).isEqualTo(layered.fromFlag());
    }

    @ParameterizedTest
    @MethodSource("flaggedKeys")
    void flagOverridesFileWithoutEnvironmentVariable(Layered layered) throws Exception {
        VigilConfig config = load(fileWith(layered), Map.of(), layered.flag()).config();

        assertThat(layered.read().apply(config)).isEqualTo(layered.fromFlag());
    }

    @ParameterizedTest
    @MethodSource("allKeys")
    void blankEnvironmentVariableDoesNotOverrideFile(Layered layered) throws Exception {
        VigilConfig config = load(fileWith(layered), Map.of(layered.envVar(), "  "), none()).config();

        assertThat(layered.read().apply(config)).isEqualTo(layered.fromFile());
    }
}
