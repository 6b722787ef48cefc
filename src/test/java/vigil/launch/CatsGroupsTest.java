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
        assertThat(CatsGroups.excluded(config(Map.of()))).containsExactly("@canary", "@deployments",
                "@managed-services", "@route-services", "@services", "@sharing", "@ssh", "@tasks");
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
    void userProvidedServicesAloneLeaveOutManagedServices() {
        assertThat(CatsGroups.excluded(config(Map.of("include_user_provided_services", true))))
                .contains("@managed-services", "@route-services", "@sharing");
    }

    @Test
    void switchingOffRoutingLeavesOutTheRoutingGroup() {
        assertThat(CatsGroups.excluded(config(Map.of("include_routing", false)))).contains("@routing");
    }

    @Test
    void v3SwitchSelectsProcessesSidecarsAndRevisionsAndDeploymentsSwitchSelectsCanaries() {
        assertThat(CatsGroups.excluded(config(Map.of("include_v3", false, "include_deployments", true))))
                .contains("@v3", "@sidecars", "@revisions", "@manifests").doesNotContain("@canary");
        assertThat(CatsGroups.excluded(config(Map.of("include_deployments", true))))
                .doesNotContain("@canary", "@deployments", "@v3");
    }
}
