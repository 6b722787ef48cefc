package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.config.ConfigFixtures.VALID_YAML;
import static vigil.config.ConfigFixtures.failure;
import static vigil.config.ConfigFixtures.load;
import static vigil.config.ConfigFixtures.write;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigValidationTest {
    @TempDir
    Path dir;

    private ConfigException failureOf(String yaml) {
        return failure(write(dir, "env.yml", yaml));
    }

    private Path file(String yaml) {
        return write(dir, "env.yml", yaml);
    }

    @Test
    void rejectsConfigWithMissingApi() {
        ConfigException e = failureOf(VALID_YAML.replace("api: api.example.com\n", ""));

        assertThat(e.problems()).containsExactly("api: missing (set it in the config file, CF_API or --api)");
    }

    @Test
    void rejectsConfigWithMissingAppsDomain() {
        ConfigException e = failureOf(VALID_YAML.replace("apps_domain: apps.example.com\n", ""));

        assertThat(e.problems())
                .containsExactly("apps_domain: missing (set it in the config file, CF_APPS_DOMAIN or --apps-domain)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.example.com", "https://", "api example com", "https://api.example.com?x=1"})
    void rejectsApiThatIsNeitherHostNorHttpUrl(String api) {
        ConfigException e = failureOf(VALID_YAML.replace("api: api.example.com", "api: \"" + api + "\""));

        assertThat(e.problems()).containsExactly("api: must be a host name like api.example.com or an http or https"
                + " URL with a host, got \"" + api + "\" (from " + dir.resolve("env.yml") + ")");
    }

    @Test
    void rejectsApiWithUserCredentialsWithoutEchoingThem() {
        ConfigException e = failureOf(VALID_YAML.replace("api: api.example.com",
                "api: https://admin:Zebra-Quokka-42@api.example.com"));

        assertThat(e.problems()).singleElement().asString()
                .startsWith("api: must be a URL without user credentials")
                .doesNotContain("Zebra-Quokka-42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://apps.example.com", "apps.example.com:443", "apps example"})
    void rejectsAppsDomainThatIsNotADomainName(String domain) {
        ConfigException e = failureOf(VALID_YAML.replace("apps_domain: apps.example.com",
                "apps_domain: \"" + domain + "\""));

        assertThat(e.problems()).singleElement().asString()
                .startsWith("apps_domain: must be a domain name like apps.example.com, without scheme or port, got \""
                        + domain + "\"");
    }

    @Test
    void rejectsConfigWithoutAnyCredentials() {
        ConfigException e = failureOf("api: api.example.com\napps_domain: apps.example.com\n");

        assertThat(e.problems()).singleElement().asString()
                .startsWith("credentials: missing; set admin_user and admin_password, or admin_client and"
                        + " admin_client_secret")
                .contains("CF_USERNAME", "CF_PASSWORD", "CF_CLIENT", "CF_CLIENT_SECRET", "--admin-user");
    }

    @Test
    void rejectsUserWithoutPassword() {
        ConfigException e = failureOf(VALID_YAML.replace("admin_password: s3cret\n", ""));

        assertThat(e.problems()).containsExactly(
                "admin_password: missing, required with admin_user (set it in the config file or CF_PASSWORD)");
    }

    @Test
    void rejectsPasswordWithoutUser() {
        ConfigException e = failureOf(VALID_YAML.replace("admin_user: admin\n", ""));

        assertThat(e.problems()).containsExactly("admin_user: missing, required with admin_password"
                + " (set it in the config file, CF_USERNAME or --admin-user)");
    }

    @Test
    void rejectsClientWithoutSecret() {
        ConfigException e = failureOf("api: api.example.com\napps_domain: apps.example.com\nadmin_client: ci\n");

        assertThat(e.problems()).containsExactly("admin_client_secret: missing, required with admin_client"
                + " (set it in the config file or CF_CLIENT_SECRET)");
    }

    @Test
    void rejectsHalfClientPairEvenWhenUserPairIsComplete() {
        ConfigException e = failureOf(VALID_YAML + "admin_client_secret: xyz\n");

        assertThat(e.problems()).containsExactly(
                "admin_client: missing, required with admin_client_secret (set it in the config file or CF_CLIENT)");
    }

    @Test
    void acceptsClientCredentialsWithoutUser() throws Exception {
        VigilConfig config = load(file("api: api.example.com\napps_domain: apps.example.com\n"),
                Map.of("CF_CLIENT", "ci", "CF_CLIENT_SECRET", "xyz"), ConfigOverrides.none()).config();

        assertThat(config.hasClientCredentials()).isTrue();
        assertThat(config.adminUser()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "0", "-1", "NaN", "1.5d"})
    void rejectsTimeoutScaleThatIsNotAPositiveNumber(String scale) {
        ConfigException e = failureOf(VALID_YAML + "timeout_scale: \"" + scale + "\"\n");

        assertThat(e.problems()).containsExactly("timeout_scale: must be a number greater than 0, got \"" + scale
                + "\" (from " + dir.resolve("env.yml") + ")");
    }

    @Test
    void rejectsNegativeTimeoutScaleFlag() {
        ConfigException e = failure(file(VALID_YAML), Map.of(),
                new ConfigOverrides(null, null, null, null, null, -2.0, null));

        assertThat(e.problems())
                .containsExactly("timeout_scale: must be a number greater than 0, got -2.0 (from --timeout-scale)");
    }

    @Test
    void rejectsSkipSslValidationThatIsNotBoolean() {
        ConfigException e = failure(file(VALID_YAML), Map.of("CF_SKIP_SSL_VALIDATION", "maybe"),
                ConfigOverrides.none());

        assertThat(e.problems()).containsExactly(
                "skip_ssl_validation: must be true or false, got \"maybe\" (from CF_SKIP_SSL_VALIDATION)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my_prefix", "1abc", "ends-with-dash-", "a-prefix-far-too-long-x"})
    void rejectsNamePrefixThatIsNotShortLowerCaseWithDashes(String prefix) {
        ConfigException e = failureOf(VALID_YAML + "name_prefix: " + prefix + "\n");

        assertThat(e.problems()).containsExactly("name_prefix: must be " + ConfigValidator.NAME_PREFIX_RULE
                + ", got \"" + prefix + "\" (from " + dir.resolve("env.yml") + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vigil", "ci-42", "a", "abcdefghij0123456789"})
    void acceptsNamePrefixOfLowerCaseLettersDigitsAndDashes(String prefix) throws Exception {
        assertThat(load(file(VALID_YAML + "name_prefix: " + prefix + "\n")).config().namePrefix()).isEqualTo(prefix);
    }

    @Test
    void takesCatsUpperCaseNamePrefixInLowerCase() throws Exception {
        assertThat(load(file(VALID_YAML + "name_prefix: CATS\n")).config().namePrefix()).isEqualTo("cats");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:0", "localhost:65536", "localhost:http", ":8080",
            "http://localhost:8080", "host name:80"})
    void rejectsRouterAddressThatIsNotHostAndPort(String address) {
        ConfigException e = failure(file(VALID_YAML), Map.of("CF_ROUTER_ADDRESS", address), ConfigOverrides.none());

        assertThat(e.problems()).containsExactly("router_address: must be host:port with a port from 1 to 65535,"
                + " got \"" + address + "\" (from CF_ROUTER_ADDRESS)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:1", "10.0.0.5:65535", "router.service.cf.internal:80", "[::1]:8080"})
    void acceptsRouterAddressOfHostAndPort(String address) throws Exception {
        VigilConfig config = load(file(VALID_YAML), Map.of("CF_ROUTER_ADDRESS", address), ConfigOverrides.none())
                .config();

        assertThat(config.routerAddress()).isEqualTo(address);
    }

    @Test
    void rejectsUseExistingOrganizationWithoutExistingOrganization() {
        ConfigException e = failureOf(VALID_YAML + "use_existing_organization: true\n");

        assertThat(e.problems()).containsExactly("existing_organization: missing, required because"
                + " use_existing_organization is true (set it in the config file)");
    }

    @Test
    void rejectsValuesOfTheWrongJsonType() {
        Path file = write(dir, "env.json", """
                {"api": 42, "apps_domain": ["apps.example.com"], "admin_user": "admin",
                 "admin_password": "s3cret", "skip_ssl_validation": {"value": true}, "use_http": 1,
                 "include_tasks": "yes", "timeout_scale": true, "existing_space": false}
                """);

        ConfigException e = failure(file);

        String from = " (from " + file + ")";
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "api: must be a string, got 42" + from,
                "apps_domain: must be a string, got a list" + from,
                "skip_ssl_validation: must be true or false, got an object" + from,
                "use_http: must be true or false, got 1" + from,
                "include_tasks: must be true or false, got \"yes\"" + from,
                "timeout_scale: must be a number greater than 0, got true" + from,
                "existing_space: must be a string, got false" + from);
    }

    @Test
    void reportsEveryProblemTogether() {
        ConfigException e = failureOf("""
                apps_domain: apps.example.com
                admin_user: admin
                admin_password: s3cret
                timeout_scale: fast
                skip_ssl_validation: maybe
                """);

        assertThat(e.problems()).hasSize(3).anySatisfy(p -> assertThat(p).startsWith("api: missing"))
                .anySatisfy(p -> assertThat(p).startsWith("timeout_scale: must be a number greater than 0"))
                .anySatisfy(p -> assertThat(p).startsWith("skip_ssl_validation: must be true or false"));
        assertThat(e.getMessage().lines()).hasSize(4).first().isEqualTo("invalid configuration:");
    }

    @Test
    void includesTypoWarningsInTheFailureMessage() {
        ConfigException e = failureOf(VALID_YAML.replace("admin_password:", "admin_pasword:"));

        assertThat(e.problems()).singleElement().asString().startsWith("admin_password: missing");
        assertThat(e.warnings()).singleElement().asString().contains("did you mean 'admin_password'?");
        assertThat(e.getMessage()).contains("warnings:", "did you mean 'admin_password'?");
    }
}
