package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.config.ConfigFixtures.VALID_YAML;
import static vigil.config.ConfigFixtures.failure;
import static vigil.config.ConfigFixtures.load;
import static vigil.config.ConfigFixtures.write;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** availability.control, availability.new_connections and availability.baseline over their defaults. */
class LearningConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsRunTheControlAndFreshConnectionsAndReportABaselineOfFiveRuns() throws Exception {
        LearningSettings learning = load(write(dir, "c.yml", VALID_YAML)).config().availability().learning();
        assertThat(learning).isEqualTo(LearningSettings.defaults());
        assertThat(learning.control()).isTrue();
        assertThat(learning.controlLate()).isEqualTo(Duration.ofMillis(500));
        assertThat(learning.newConnections()).isTrue();
        assertThat(learning.minRuns()).isEqualTo(5);
        assertThat(learning.judge()).isFalse();
        assertThat(learning.marginS()).isEqualTo(5.0);
        assertThat(learning.factor()).isEqualTo(1.2);
    }

    @Test
    void readsEveryKey() throws Exception {
        LoadedConfig loaded = load(write(dir, "c.yml", VALID_YAML + """
                availability:
                  control: {enabled: false, late_ms: 250}
                  new_connections: false
                  baseline: {min_runs: 10, margin_s: 2, factor: 1.5, kind: "{probe}", judge: true}
                """));
        LearningSettings learning = loaded.config().availability().learning();
        assertThat(learning).isEqualTo(new LearningSettings(false, Duration.ofMillis(250), false, 10, 2, 1.5, "{probe}",
                true));
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.config().availability().probe(AvailabilitySettings.APP_HTTP).rateHz()).isEqualTo(10);
    }

    @Test
    void namesEveryWrongValue() {
        ConfigException e = failure(write(dir, "c.yml", VALID_YAML + """
                availability:
                  control: {enabled: maybe, late_ms: 0}
                  new_connections: 3
                  baseline: {min_runs: 2.5, factor: 0.5, kind: ""}
                """));
        assertThat(e.getMessage()).contains("availability.control.enabled: must be true or false",
                "availability.control.late_ms: must be a whole number of milliseconds from 1 to 60000",
                "availability.new_connections: must be true or false",
                "availability.baseline.min_runs: must be a whole number of runs", "availability.baseline.factor",
                "availability.baseline.kind");
    }
}
