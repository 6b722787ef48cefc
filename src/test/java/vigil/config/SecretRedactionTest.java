package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.config.ConfigFixtures.failure;
import static vigil.config.ConfigFixtures.load;
import static vigil.config.ConfigFixtures.write;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No secret value shows in any record's toString, report view, problem, warning or message. */
class SecretRedactionTest {
    private static final String PASSWORD = "Zebra-Quokka-7781";
    private static final String CLIENT_SECRET = "Narwhal-Okapi-5519";

    @TempDir
    Path dir;

    @Test
    void secretToStringIsRedacted() {
        Secret secret = new Secret(PASSWORD);

        assertThat(secret).hasToString("[REDACTED]");
        assertThat(secret.reveal()).isEqualTo(PASSWORD);
        assertThat(secret.isEmpty()).isFalse();
        assertThat(new Secret(null).isEmpty()).isTrue();
        assertThat(Secret.empty().reveal()).isEmpty();
    }

    @Test
    void configToStringAndRedactedViewHideSecrets() throws Exception {
        VigilConfig config = load(write(dir, "env.yml", """
                api: api.example.com
                apps_domain: apps.example.com
                admin_user: admin
                admin_password: %s
                admin_client: ci
                admin_client_secret: %s
                """.formatted(PASSWORD, CLIENT_SECRET))).config();
        LoadedConfig loaded = new LoadedConfig(config, java.util.List.of());

        assertThat(config.toString()).doesNotContain(PASSWORD, CLIENT_SECRET).contains("[REDACTED]");
        assertThat(loaded.toString()).doesNotContain(PASSWORD, CLIENT_SECRET);
        assertThat(config.redactedView()).containsEntry("admin_password", "[REDACTED]")
                .containsEntry("admin_client_secret", "[REDACTED]");
        assertThat(config.redactedView().toString()).doesNotContain(PASSWORD, CLIENT_SECRET);
    }

    @Test
    void wrongTypeProblemsDoNotEchoSecrets() {
        Path file = write(dir, "env.json", """
                {"api": "api.example.com", "apps_domain": "apps.example.com", "admin_user": "admin",
                 "admin_password": ["%s"], "admin_client": "ci", "admin_client_secret": {"v": "%s"}}
                """.formatted(PASSWORD, CLIENT_SECRET));

        ConfigException e = failure(file);

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "admin_password: must be a string, got a list (from " + file + ")",
                "admin_client_secret: must be a string, got an object (from " + file + ")");
        assertThat(e.getMessage()).doesNotContain(PASSWORD, CLIENT_SECRET);
    }

    @Test
    void parseErrorsDoNotEchoUnquotedSecrets() {
        Path file = write(dir, "integration_config.json", """
                {"api": "api.example.com",
                 "admin_password": %s}
                """.formatted(PASSWORD));

        ConfigException e = failure(file);

        assertThat(e.getMessage()).contains("line 2").doesNotContain(PASSWORD);
    }

    @Test
    void yamlParseErrorsDoNotQuoteTheOffendingLine() {
        Path file = write(dir, "env.yml", "api: api.example.com\nadmin_password: %s: x\n".formatted(PASSWORD));

        assertThat(failure(file).getMessage()).contains("line 2").doesNotContain(PASSWORD);
    }

    @Test
    void problemsAndWarningsNeverContainSecretsFromAnySource() {
        Path file = write(dir, "env.yml", """
                api: api.example.com
                admin_password: %s
                admin_pasword: %s
                credhub_secret: %s
                timeout_scale: fast
                """.formatted(PASSWORD, PASSWORD, PASSWORD));

        ConfigException e = failure(file, Map.of("CF_CLIENT_SECRET", CLIENT_SECRET), ConfigOverrides.none());

        assertThat(e.problems()).isNotEmpty();
        assertThat(e.warnings()).isNotEmpty();
        assertThat(String.join("\n", e.problems())).doesNotContain(PASSWORD, CLIENT_SECRET);
        assertThat(String.join("\n", e.warnings())).doesNotContain(PASSWORD, CLIENT_SECRET);
        assertThat(e.getMessage()).doesNotContain(PASSWORD, CLIENT_SECRET);
    }

    @Test
    void successfulLoadWarningsDoNotContainSecrets() throws Exception {
        LoadedConfig loaded = load(write(dir, "env.yml", """
                api: api.example.com
                apps_domain: apps.example.com
                admin_user: admin
                admin_password: %s
                existing_user_password: %s
                skip_ssl_validation: true
                """.formatted(PASSWORD, PASSWORD)));

        assertThat(loaded.warnings()).isNotEmpty();
        assertThat(String.join("\n", loaded.warnings())).doesNotContain(PASSWORD);
    }
}
