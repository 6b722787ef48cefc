package vigil.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Config files and loaders the tests share. */
final class ConfigFixtures {
    static final String VALID_YAML = """
            api: api.example.com
            apps_domain: apps.example.com
            admin_user: admin
            admin_password: s3cret
            """;

    private ConfigFixtures() {
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoadedConfig load(Path file) throws ConfigException {
        return load(file, Map.of(), ConfigOverrides.none());
    }

    static LoadedConfig load(Path file, Map<String, String> env, ConfigOverrides flags) throws ConfigException {
        return new ConfigLoader(env).load(file, flags);
    }

    /** The exception a load throws; fails the test if the load succeeds. */
    static ConfigException failure(Path file) {
        return failure(file, Map.of(), ConfigOverrides.none());
    }

    static ConfigException failure(Path file, Map<String, String> env, ConfigOverrides flags) {
        try {
            LoadedConfig loaded = load(file, env, flags);
            throw new AssertionError("expected the load to fail, got " + loaded);
        } catch (ConfigException e) {
            return e;
        }
    }
}
