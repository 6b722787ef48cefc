package vigil.testapp.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppEnvironmentTest {

    @Test
    void readsWhatCfSetsForAnInstance() {
        AppEnvironment environment = AppEnvironment.from(Map.of(
                "PORT", "61001",
                "CF_INSTANCE_INDEX", "3",
                "CF_INSTANCE_GUID", "8b5d7c1e-0000-4000-8000-000000000003",
                "VCAP_APPLICATION", "{\"application_name\":\"vigil-run1-app-1\",\"instance_index\":3}",
                "VIGIL_LOG_COUNTER_MS", "250"));

        assertThat(environment).isEqualTo(new AppEnvironment(61001, "vigil-run1-app-1", "3",
                "8b5d7c1e-0000-4000-8000-000000000003", Duration.ofMillis(250)));
    }

    @Test
    void fallsBackToLocalDefaultsOutsideCf() {
        AppEnvironment environment = AppEnvironment.from(Map.of());

        assertThat(environment.port()).isEqualTo(8080);
        assertThat(environment.appName()).isEqualTo("vigil-testapp");
        assertThat(environment.instanceIndex()).isEqualTo("0");
        assertThat(environment.instanceId()).startsWith("local-").isNotEqualTo(AppEnvironment.from(Map.of()).instanceId());
        assertThat(environment.counterLogEvery()).isNull();
    }

    @Test
    void rejectsAPortOrIntervalThatIsNotANumber() {
        assertThatThrownBy(() -> AppEnvironment.from(Map.of("PORT", "http"))).hasMessageContaining("PORT");
        assertThatThrownBy(() -> AppEnvironment.from(Map.of("PORT", "70000"))).hasMessageContaining("PORT");
        assertThatThrownBy(() -> AppEnvironment.from(Map.of("VIGIL_LOG_COUNTER_MS", "0"))).hasMessageContaining("VIGIL_LOG_COUNTER_MS");
        assertThatThrownBy(() -> AppEnvironment.from(Map.of("VIGIL_LOG_COUNTER_MS", "fast"))).hasMessageContaining("VIGIL_LOG_COUNTER_MS");
    }
}
