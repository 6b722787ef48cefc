package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.config.ConfigFixtures.VALID_YAML;
import static vigil.config.ConfigFixtures.load;
import static vigil.config.ConfigFixtures.write;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadsYamlFile() throws Exception {
        VigilConfig config = load(write(dir, "env.yml", VALID_YAML + """
                skip_ssl_validation: true
                timeout_scale: 2.5
                name_prefix: nightly
                router_address: 127.0.0.1:8081
                existing_space: smoke
                """)).config();

        assertThat(config.api()).isEqualTo(URI.create("https://api.example.com"));
        assertThat(config.appsDomain()).isEqualTo("apps.example.com");
        assertThat(config.adminUser()).isEqualTo("admin");
        assertThat(config.adminPassword().reveal()).isEqualTo("s3cret");
        assertThat(config.skipSslValidation()).isTrue();
        assertThat(config.timeoutScale()).isEqualTo(2.5);
        assertThat(config.namePrefix()).isEqualTo("nightly");
        assertThat(config.routerAddress()).isEqualTo("127.0.0.1:8081");
        assertThat(config.existingSpace()).isEqualTo("smoke");
    }

    @Test
    void loadsJsonFile() throws Exception {
        VigilConfig config = load(write(dir, "env.json", """
                {"api": "https://api.example.com", "apps_domain": "apps.example.com",
                 "admin_client": "vigil-ci", "admin_client_secret": "t0ps3cret", "timeout_scale": 3}
                """)).config();

        assertThat(config.api()).isEqualTo(URI.create("https://api.example.com"));
        assertThat(config.adminClient()).isEqualTo("vigil-ci");
        assertThat(config.adminClientSecret().reveal()).isEqualTo("t0ps3cret");
        assertThat(config.hasClientCredentials()).isTrue();
        assertThat(config.hasUserCredentials()).isFalse();
        assertThat(config.timeoutScale()).isEqualTo(3.0);
    }

    @Test
    void detectsJsonContentInFileWithOtherExtension() throws Exception {
        VigilConfig config = load(write(dir, "env.conf", """
                {"api": "api.example.com", "apps_domain": "apps.example.com",
                 "admin_user": "admin", "admin_password": "s3cret"}
                """)).config();

        assertThat(config.appsDomain()).isEqualTo("apps.example.com");
    }

    @Test
    void appliesDefaultsForKeysNotGiven() throws Exception {
        VigilConfig config = load(write(dir, "env.yml", VALID_YAML)).config();

        assertThat(config.skipSslValidation()).isFalse();
        assertThat(config.timeoutScale()).isEqualTo(1.0);
        assertThat(config.namePrefix()).isEqualTo("vigil");
        assertThat(config.routerAddress()).isNull();
        assertThat(config.useHttp()).isFalse();
        assertThat(config.useExistingOrganization()).isFalse();
        assertThat(config.existingOrganization()).isNull();
        assertThat(config.adminClient()).isNull();
        assertThat(config.adminClientSecret().isEmpty()).isTrue();
    }

    @Test
    void loadsFromEnvironmentAloneWhenNoFileIsGiven() throws Exception {
        VigilConfig config = load(null, Map.of("CF_API", "api.example.com", "CF_APPS_DOMAIN", "apps.example.com",
                "CF_USERNAME", "admin", "CF_PASSWORD", "s3cret"), ConfigOverrides.none()).config();

        assertThat(config.api()).isEqualTo(URI.create("https://api.example.com"));
        assertThat(config.hasUserCredentials()).isTrue();
    }

    @Test
    void givesBareHostApiHttpsScheme() throws Exception {
        VigilConfig config = load(write(dir, "env.yml", VALID_YAML)).config();

        assertThat(config.api()).hasToString("https://api.example.com");
    }

    @Test
    void givesBareHostApiHttpSchemeWhenUseHttpIsSet() throws Exception {
        VigilConfig config = load(write(dir, "env.yml", VALID_YAML + "use_http: true\n")).config();

        assertThat(config.api()).hasToString("http://api.example.com");
        assertThat(config.useHttp()).isTrue();
    }

    @Test
    void keepsExplicitSchemePortAndDropsTrailingSlash() throws Exception {
        VigilConfig config = load(write(dir, "env.yml", VALID_YAML.replace("api: api.example.com",
                "api: HTTP://127.0.0.1:9022/") + "use_http: false\n")).config();

        assertThat(config.api()).hasToString("http://127.0.0.1:9022");
    }

    @Test
    void acceptsBooleansAndNumbersWrittenAsStrings() throws Exception {
        VigilConfig config = load(write(dir, "env.yml", VALID_YAML + """
                skip_ssl_validation: "TRUE"
                timeout_scale: "1.5"
                """)).config();

        assertThat(config.skipSslValidation()).isTrue();
        assertThat(config.timeoutScale()).isEqualTo(1.5);
    }

    @Test
    void treatsBlankValuesAsNotGiven() throws Exception {
        VigilConfig config = load(write(dir, "env.yml", VALID_YAML + """
                existing_organization: ""
                name_prefix: " "
                """), Map.of("CF_ROUTER_ADDRESS", ""), ConfigOverrides.none()).config();

        assertThat(config.existingOrganization()).isNull();
        assertThat(config.namePrefix()).isEqualTo("vigil");
        assertThat(config.routerAddress()).isNull();
    }

    @Test
    void usesExistingOrganizationWhenAsked() throws Exception {
        VigilConfig config = load(write(dir, "env.yml", VALID_YAML + """
                use_existing_organization: true
                existing_organization: ci-org
                """)).config();

        assertThat(config.useExistingOrganization()).isTrue();
        assertThat(config.existingOrganization()).isEqualTo("ci-org");
    }

    @Test
    void warnsWhenTlsVerificationIsSkipped() throws Exception {
        LoadedConfig loaded = load(write(dir, "env.yml", VALID_YAML + "skip_ssl_validation: true\n"));

        assertThat(loaded.warnings())
                .containsExactly("skip_ssl_validation is true: TLS certificates of api.example.com and of the apps"
                        + " are not verified");
    }

    @Test
    void warnsWhenExistingOrganizationIsGivenButNotUsed() throws Exception {
        LoadedConfig loaded = load(write(dir, "env.yml", VALID_YAML + "existing_organization: ci-org\n"));

        assertThat(loaded.warnings()).containsExactly(
                "existing_organization 'ci-org' is ignored because use_existing_organization is not true");
    }

    @Test
    void givesNoWarningsForCleanFile() throws Exception {
        assertThat(load(write(dir, "env.yml", VALID_YAML)).warnings()).isEmpty();
    }
}
