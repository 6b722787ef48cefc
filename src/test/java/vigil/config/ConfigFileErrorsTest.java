package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.config.ConfigFixtures.failure;
import static vigil.config.ConfigFixtures.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be read or parsed gives one problem naming the file (and line), never a stack trace. */
class ConfigFileErrorsTest {
    @TempDir
    Path dir;

    @Test
    void namesPathOfMissingFile() {
        Path missing = dir.resolve("nope.yml");

        ConfigException e = failure(missing);

        assertThat(e.getMessage()).isEqualTo("cannot read config file " + missing + ": no such file");
        assertThat(e.problems()).containsExactly(e.getMessage());
    }

    @Test
    void namesPathOfDirectoryGivenAsFile() {
        ConfigException e = failure(dir);

        assertThat(e.getMessage()).startsWith("cannot read config file " + dir + ": it is a directory");
    }

    @Test
    void reportsMalformedYamlWithFileLineAndColumn() {
        Path file = write(dir, "env.yml", """
                api: api.example.com
                apps_domain: apps.example.com
                  admin_user: admin
                """);

        ConfigException e = failure(file);

        assertThat(e.problems()).containsExactly(
                "config file " + file + ": line 3, column 13: mapping values are not allowed here");
        assertThat(e.getMessage()).startsWith("invalid configuration:").doesNotContain("Exception", "\tat ");
    }

    @Test
    void reportsMalformedJsonWithFileLineAndColumn() {
        Path file = write(dir, "integration_config.json", """
                {
                  "api": "api.example.com",
                  "apps_domain": "apps.example.com"
                  "admin_user": "admin"
                }
                """);

        ConfigException e = failure(file);

        assertThat(e.problems()).singleElement().asString()
                .startsWith("config file " + file + ": line 4, column 3: Unexpected character")
                .doesNotContain("Source:");
    }

    @Test
    void rejectsKeyGivenTwice() {
        Path file = write(dir, "env.yml", "api: a.example.com\napi: b.example.com\n");

        assertThat(failure(file).problems()).containsExactly(
                "config file " + file + ": line 2, column 4: Duplicate field 'api'");
    }

    @Test
    void rejectsEmptyFile() {
        Path file = write(dir, "env.yml", "\n");

        assertThat(failure(file).problems()).singleElement().asString()
                .startsWith("config file " + file + ": the file is empty");
    }

    @Test
    void rejectsFileThatIsNotAMapping() {
        Path file = write(dir, "env.yml", "- api.example.com\n- apps.example.com\n");

        assertThat(failure(file).problems()).containsExactly("config file " + file
                + ": expected keys and values (like \"api: api.example.com\"), got a list");
    }
}
