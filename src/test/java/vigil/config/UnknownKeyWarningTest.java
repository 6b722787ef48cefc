package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.config.ConfigFixtures.VALID_YAML;
import static vigil.config.ConfigFixtures.load;
import static vigil.config.ConfigFixtures.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownKeyWarningTest {
    @TempDir
    Path dir;

    @Test
    void suggestsCloseKnownKeyForUnknownKey() throws Exception {
        Path file = write(dir, "cfg.yml", VALID_YAML + "admin_pasword: other\n");

        assertThat(load(file).warnings()).containsExactly(
                "unknown key 'admin_pasword' in " + file + " (did you mean 'admin_password'?): ignored");
    }

    @Test
    void suggestsKeyWrittenWithDashesOrCapitals() throws Exception {
        Path file = write(dir, "cfg.yml", VALID_YAML + "Router-Address: localhost:8080\ntimeout_scal: 2\n");

        assertThat(load(file).warnings()).containsExactly(
                "unknown key 'Router-Address' in " + file + " (did you mean 'router_address'?): ignored",
                "unknown key 'timeout_scal' in " + file + " (did you mean 'timeout_scale'?): ignored");
    }

    @Test
    void warnsWithoutSuggestionWhenNoKnownKeyIsClose() throws Exception {
        Path file = write(dir, "cfg.yml", VALID_YAML + "favourite_colour: blue\n");

        assertThat(load(file).warnings())
                .containsExactly("unknown key 'favourite_colour' in " + file + ": ignored");
    }

    @Test
    void doesNotTreatVigilOrCatsKeysAsUnknown() throws Exception {
        Path file = write(dir, "cfg.yml", VALID_YAML + """
                existing_space: s
                include_ssh: true
                default_timeout: 30
                """);

        assertThat(load(file).warnings()).containsExactly("CATS keys not used by Vigil: default_timeout");
    }

    @Test
    void computesEditDistance() {
        assertThat(EditDistance.between("admin_pasword", "admin_password")).isEqualTo(1);
        assertThat(EditDistance.between("", "api")).isEqualTo(3);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("same", "same")).isZero();
    }
}
