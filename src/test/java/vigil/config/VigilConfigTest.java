package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VigilConfigTest {
    private static VigilConfig config(double timeoutScale, Map<String, Boolean> includes) {
        return new VigilConfig(URI.create("https://api.example.com"), "apps.example.com", "admin",
                new Secret("pw"), null, null, false, timeoutScale, "vigil", null, false, false, null, null,
                false, includes);
    }

    @Test
    void scalesDurationsByTimeoutScale() {
        assertThat(config(2.5, Map.of()).scaled(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(75));
        assertThat(config(0.5, Map.of()).scaled(Duration.ofMillis(3))).isEqualTo(Duration.ofNanos(1_500_000));
        assertThat(config(1.0, Map.of()).scaled(Duration.ofMinutes(4))).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void fillsIncludeSwitchesNotGivenWithCatsDefaults() {
        VigilConfig config = config(1.0, Map.of("include_tasks", true));

        assertThat(config.include("include_tasks")).isTrue();
        assertThat(config.include("include_apps")).isTrue();
        assertThat(config.include("include_ssh")).isFalse();
        assertThat(config.includes()).isEqualTo(ConfigKeys.INCLUDE_DEFAULTS.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getKey().equals("include_tasks") || e.getValue())));
    }

    @Test
    void rejectsUnknownIncludeSwitch() {
        assertThatThrownBy(() -> config(1.0, Map.of()).include("include_tasksss"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("include_tasksss");
        assertThatThrownBy(() -> config(1.0, Map.of("include_nothing", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("include_nothing");
    }

    @Test
    void rejectsTimeoutScaleNotGreaterThanZero() {
        assertThatThrownBy(() -> config(0, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config(Double.NaN, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treatsNullSecretsAsEmpty() {
        VigilConfig config = config(1.0, Map.of());

        assertThat(config.adminClientSecret().isEmpty()).isTrue();
        assertThat(config.hasClientCredentials()).isFalse();
        assertThat(config.hasUserCredentials()).isTrue();
    }

    @Test
    void redactedViewUsesConfigFileKeysAndLeavesOutValuesNotGiven() {
        Map<String, Object> view = config(1.5, Map.of()).redactedView();

        assertThat(view).containsEntry("api", "https://api.example.com")
                .containsEntry("admin_user", "admin")
                .containsEntry("admin_password", "[REDACTED]")
                .containsEntry("timeout_scale", 1.5)
                .containsEntry("name_prefix", "vigil")
                .containsEntry("include_apps", true)
                .doesNotContainKeys("admin_client", "admin_client_secret", "router_address", "existing_space");
    }

    @Test
    void includesMapCannotBeModified() {
        assertThatThrownBy(() -> config(1.0, Map.of()).includes().put("include_apps", false))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
