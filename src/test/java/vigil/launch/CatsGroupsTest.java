package vigil.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vigil.config.Secret;
import vigil.config.VigilConfig;

class CatsGroupsTest {
    private static VigilConfig config(Map<String, Boolean> includes) {
        return new VigilConfig(URI.create("https://api.example.com"), "apps.example.com", "admin", new Secret("pw"),
                null, null, false, 1.0, "vigil", null, false, false, null, null, false, includes);
    }

    @Test
    void catsDefaultsLeaveOutTasksDeploymentsServicesAndSsh() {
        assertThat(CatsGroups.excluded(config(Map.of()))).containsExactly("@deployments", "@services", "@ssh", "@tasks");
    }

    @Test
    void includeSshTurnsOnTheSshGroup() {
        assertThat(CatsGroups.excluded(config(Map.of("include_ssh", true)))).doesNotContain("@ssh");
    }

    @Test
    void eitherServicesSwitchTurnsOnTheServicesGroup() {
        assertThat(CatsGroups.excluded(config(Map.of("include_user_provided_services", true))))
                .doesNotContain("@services");
    }

    @Test
    void switchingOffRoutingLeavesOutTheRoutingGroup() {
        assertThat(CatsGroups.excluded(config(Map.of("include_routing", false)))).contains("@routing");
    }
}
