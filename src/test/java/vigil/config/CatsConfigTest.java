package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.config.ConfigFixtures.load;
import static vigil.config.ConfigFixtures.write;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CF acceptance-tests integration_config.json is accepted as it is. */
class CatsConfigTest {
    private static final String CATS_CONFIG = """
            {
              "api": "api.bosh-lite.com",
              "apps_domain": "bosh-lite.com",
              "admin_user": "admin",
              "admin_password": "admin-pw-from-credhub",
              "skip_ssl_validation": true,
              "use_http": false,
              "timeout_scale": 1.5,
              "name_prefix": "cats-ci",
              "use_existing_organization": false,
              "existing_organization": "",
              "use_existing_user": false,
              "keep_user_at_suite_end": false,
              "existing_user": "",
              "existing_user_password": "",
              "artifacts_directory": "../results",
              "default_timeout": 60,
              "cf_push_timeout": 300,
              "long_curl_timeout": 180,
              "broker_start_timeout": 300,
              "async_service_operation_timeout": 240,
              "java_buildpack_name": "java_buildpack_offline",
              "staticfile_buildpack_name": "staticfile_buildpack",
              "credhub_mode": "assisted",
              "credhub_client": "credhub_admin_client",
              "credhub_secret": "credhub-secret",
              "stacks": ["cflinuxfs4"],
              "reporter_config": {"honeycomb_dataset": "cats", "custom_tags": {"env": "ci"}},
              "include_apps": true,
              "include_app_syslog_tcp": false,
              "include_container_networking": true,
              "include_deployments": true,
              "include_detect": false,
              "include_docker": false,
              "include_internet_dependent": false,
              "include_isolation_segments": false,
              "include_private_docker_registry": false,
              "include_route_services": false,
              "include_routing": true,
              "include_security_groups": true,
              "include_service_discovery": false,
              "include_services": true,
              "include_user_provided_services": true,
              "include_service_instance_sharing": false,
              "include_ssh": true,
              "include_sso": false,
              "include_tasks": true,
              "include_v3": true,
              "include_zipkin": false,
              "include_persistent_app": false,
              "include_privileged_container_support": false
            }
            """;

    @TempDir
    Path dir;

    @Test
    void acceptsCatsIntegrationConfigAsIs() throws Exception {
        VigilConfig config = load(write(dir, "integration_config.json", CATS_CONFIG)).config();

        assertThat(config.api()).isEqualTo(URI.create("https://api.bosh-lite.com"));
        assertThat(config.appsDomain()).isEqualTo("bosh-lite.com");
        assertThat(config.adminUser()).isEqualTo("admin");
        assertThat(config.adminPassword().reveal()).isEqualTo("admin-pw-from-credhub");
        assertThat(config.skipSslValidation()).isTrue();
        assertThat(config.timeoutScale()).isEqualTo(1.5);
        assertThat(config.namePrefix()).isEqualTo("cats-ci");
        assertThat(config.existingOrganization()).isNull();
        assertThat(config.include("include_tasks")).isTrue();
        assertThat(config.include("include_detect")).isFalse();
        assertThat(config.include("include_app_syslog_tcp")).isFalse();
        assertThat(config.include("include_deployments")).isTrue();
    }

    @Test
    void listsUnusedCatsKeysOnOneNoteLineWithoutUnknownKeyWarnings() throws Exception {
        LoadedConfig loaded = load(write(dir, "integration_config.json", CATS_CONFIG));

        assertThat(loaded.warnings()).noneMatch(warning -> warning.startsWith("unknown key"));
        assertThat(loaded.warnings()).contains("CATS keys not used by Vigil: artifacts_directory,"
                + " async_service_operation_timeout, broker_start_timeout, cf_push_timeout, credhub_client,"
                + " credhub_mode, credhub_secret, default_timeout, existing_user, existing_user_password,"
                + " include_persistent_app, include_privileged_container_support, java_buildpack_name,"
                + " keep_user_at_suite_end, long_curl_timeout, reporter_config, stacks, staticfile_buildpack_name,"
                + " use_existing_user");
    }

    @Test
    void defaultsIncludeSwitchesAsCatsDoes() throws Exception {
        VigilConfig config = load(write(dir, "integration_config.json", """
                {"api": "api.bosh-lite.com", "apps_domain": "bosh-lite.com",
                 "admin_user": "admin", "admin_password": "admin"}
                """)).config();

        assertThat(config.includes()).containsEntry("include_apps", true)
                .containsEntry("include_app_syslog_tcp", true)
                .containsEntry("include_detect", true)
                .containsEntry("include_routing", true)
                .containsEntry("include_v3", true)
                .containsEntry("include_tasks", false)
                .containsEntry("include_deployments", false)
                .containsEntry("include_services", false)
                .containsEntry("include_user_provided_services", false)
                .containsEntry("include_ssh", false)
                .containsEntry("include_security_groups", false)
                .containsEntry("include_container_networking", false)
                .containsEntry("include_docker", false)
                .containsEntry("include_route_services", false);
        assertThat(config.includes().values().stream().filter(on -> on)).hasSize(5);
        assertThat(config.includes().keySet()).allMatch(key -> key.startsWith("include_"));
    }

    @Test
    void suggestsTheCatsKeyForAMisspelledCatsKey() throws Exception {
        LoadedConfig loaded = load(write(dir, "integration_config.json", """
                {"api": "api.bosh-lite.com", "apps_domain": "bosh-lite.com",
                 "admin_user": "admin", "admin_password": "admin",
                 "readiness_health_check_enabled": true}
                """));

        assertThat(loaded.warnings()).singleElement().asString()
                .contains("unknown key 'readiness_health_check_enabled'")
                .contains("(did you mean 'readiness_health_checks_enabled'?)");
    }
}
