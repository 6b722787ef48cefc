package vigil.config;

import static vigil.config.ConfigKey.Kind.BOOLEAN;
import static vigil.config.ConfigKey.Kind.NUMBER;
import static vigil.config.ConfigKey.Kind.SECRET;
import static vigil.config.ConfigKey.Kind.STRING;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The catalogue of keys a config file may hold: the keys Vigil reads (with their environment variables,
 * flags and defaults), the CATS {@code include_*} switches with the defaults CATS gives them, and the
 * CATS keys Vigil accepts but does not use. Key names and defaults follow cf-acceptance-tests'
 * {@code helpers/config/config_struct.go} and README, so a CATS integration_config.json loads as it is.
 */
final class ConfigKeys {
    static final ConfigKey API = new ConfigKey("api", STRING, "CF_API", "--api");
    static final ConfigKey APPS_DOMAIN = new ConfigKey("apps_domain", STRING, "CF_APPS_DOMAIN", "--apps-domain");
    static final ConfigKey ADMIN_USER = new ConfigKey("admin_user", STRING, "CF_USERNAME", "--admin-user");
    static final ConfigKey ADMIN_PASSWORD = new ConfigKey("admin_password", SECRET, "CF_PASSWORD", null);
    static final ConfigKey ADMIN_CLIENT = new ConfigKey("admin_client", STRING, "CF_CLIENT", null);
    static final ConfigKey ADMIN_CLIENT_SECRET =
            new ConfigKey("admin_client_secret", SECRET, "CF_CLIENT_SECRET", null);
    static final ConfigKey SKIP_SSL_VALIDATION =
            new ConfigKey("skip_ssl_validation", BOOLEAN, "CF_SKIP_SSL_VALIDATION", "--skip-ssl-validation");
    static final ConfigKey TIMEOUT_SCALE =
            new ConfigKey("timeout_scale", NUMBER, "VIGIL_TIMEOUT_SCALE", "--timeout-scale");
    static final ConfigKey NAME_PREFIX = new ConfigKey("name_prefix", STRING, "VIGIL_NAME_PREFIX", "--name-prefix");
    static final ConfigKey ROUTER_ADDRESS =
            new ConfigKey("router_address", STRING, "CF_ROUTER_ADDRESS", "--router-address");
    static final ConfigKey USE_HTTP = ConfigKey.fileOnly("use_http", BOOLEAN);
    static final ConfigKey USE_EXISTING_ORGANIZATION = ConfigKey.fileOnly("use_existing_organization", BOOLEAN);
    static final ConfigKey EXISTING_ORGANIZATION = ConfigKey.fileOnly("existing_organization", STRING);
    static final ConfigKey EXISTING_SPACE = ConfigKey.fileOnly("existing_space", STRING);
    static final ConfigKey FRESH_STAGING = new ConfigKey("fresh_staging", BOOLEAN, "VIGIL_FRESH_STAGING", null);
    // TCP routing (issue 13): CATS's tcp_domain, and where to connect for TCP routes when its DNS is not there
    static final ConfigKey TCP_DOMAIN = new ConfigKey("tcp_domain", STRING, "CF_TCP_DOMAIN", null);
    static final ConfigKey TCP_ROUTER_ADDRESS = new ConfigKey("tcp_router_address", STRING, "CF_TCP_ROUTER_ADDRESS",
            null);

    // CATS defaults to 2.0 and "CATS"; Vigil's own waits are sized for a scale of 1, and its resources
    // carry its own name so that `vigil cleanup` never sweeps what a CATS run left.
    static final double DEFAULT_TIMEOUT_SCALE = 1.0;
    static final String DEFAULT_NAME_PREFIX = "vigil";

    /**
     * Vigil's own keys, in the order reports show them. admin_client, admin_client_secret and existing_space
     * are not read by CATS itself but are the names cf-test-helpers' config interface uses for them.
     */
    static final List<ConfigKey> CORE = List.of(API, APPS_DOMAIN, ADMIN_USER, ADMIN_PASSWORD, ADMIN_CLIENT,
            ADMIN_CLIENT_SECRET, SKIP_SSL_VALIDATION, TIMEOUT_SCALE, NAME_PREFIX, ROUTER_ADDRESS, USE_HTTP,
            USE_EXISTING_ORGANIZATION, EXISTING_ORGANIZATION, EXISTING_SPACE, FRESH_STAGING, TCP_DOMAIN,
            TCP_ROUTER_ADDRESS);

    /** CATS' test-group switches and CATS' defaults for them: only the core groups are on unless asked. */
    static final Map<String, Boolean> INCLUDE_DEFAULTS = includeDefaults();

    /**
     * CATS keys Vigil has no use for (buildpack names, per-step timeouts, docker, credhub, windows, ...),
     * including keys older CATS versions read, since pipelines keep their config files for years. They
     * are not typos, so they get one note line instead of an unknown-key warning each.
     */
    static final Set<String> CATS_ONLY = Set.of(
            "alternate_stack", "alternate_stacks", "artifacts_directory", "async_service_operation_timeout",
            "backend", "binary_buildpack_name", "broker_start_timeout", "catnip_docker_app_image",
            "cf_push_timeout", "cleanup_persistent_app_org", "cnb_go_buildpack_name", "cnb_nodejs_buildpack_name",
            "comma_delim_asgs_enabled", "credhub_client", "credhub_location", "credhub_mode", "credhub_secret",
            "default_timeout", "detect_timeout", "disallow_unproxied_app_traffic", "dynamic_asgs_enabled",
            "existing_user", "existing_user_password", "go_buildpack_name", "hwc_buildpack_name",
            "include_backend_compatibility", "include_capi_experimental", "include_capi_no_bridge",
            "include_credhub", "include_internetless", "include_logging_isolation_segments",
            "include_persistent_app", "include_privileged_container_support", "infrastructure",
            "internal_cc_address", "internal_domain", "isolation_segment_domain", "isolation_segment_name",
            "isolation_segment_tcp_domain", "java_buildpack_name", "keep_user_at_suite_end", "long_curl_timeout",
            "nginx_buildpack_name", "nodejs_buildpack_name", "num_windows_cells", "persistent_app_host",
            "persistent_app_org", "persistent_app_quota_name", "persistent_app_space", "php_buildpack_name",
            "private_docker_registry_image", "private_docker_registry_password",
            "private_docker_registry_username", "public_docker_app_image", "python_buildpack_name",
            "r_buildpack_name", "readiness_health_checks_enabled", "reporter_config", "require_proxied_app_traffic",
            "ruby_buildpack_name", "secure_address", "skip_dns_validation", "sleep_timeout", "stacks",
            "staticfile_buildpack_name", "test_password", "unallocated_ip_for_security_group",
            "use_existing_user", "use_log_cache", "use_windows_context_path", "use_windows_test_task",
            "volume_service_bind_config", "volume_service_broker_name", "volume_service_create_config",
            "volume_service_name", "volume_service_plan_name", "windows_context_path", "windows_credhub_mode",
            "windows_secure_address", "windows_stack", "windows_test_task");

    private static final Map<String, ConfigKey> VIGIL_KEYS = vigilKeys();
    /** Keys whose value is a section of its own, read by its own class ({@link AvailabilitySection}). */
    private static final Set<String> SECTIONS = Set.of(AvailabilitySection.KEY);

    /** Sorted, so that of two equally close suggestions the same one is always chosen. */
    private static final List<String> ALL_KNOWN =
            Stream.of(VIGIL_KEYS.keySet().stream(), SECTIONS.stream(), CATS_ONLY.stream()).flatMap(s -> s).sorted()
                    .toList();

    private ConfigKeys() {
    }

    private static Map<String, Boolean> includeDefaults() {
        Map<String, Boolean> defaults = new TreeMap<>();
        Stream.of("apps", "app_syslog_tcp", "detect", "routing", "v3")
                .forEach(group -> defaults.put("include_" + group, true));
        Stream.of("cnb", "container_networking", "deployments", "docker", "file_based_service_bindings",
                        "http2_routing", "internet_dependent", "ipv6", "isolation_segments",
                        "private_docker_registry", "route_services", "routing_isolation_segments",
                        "security_groups", "service_credential_binding_rotation", "service_discovery",
                        "service_instance_sharing", "services", "ssh", "sso", "tasks", "tcp_isolation_segments",
                        "tcp_routing", "user_provided_services", "volume_services", "windows", "zipkin")
                .forEach(group -> defaults.put("include_" + group, false));
        return Collections.unmodifiableMap(defaults);
    }

    private static Map<String, ConfigKey> vigilKeys() {
        Map<String, ConfigKey> keys = new LinkedHashMap<>();
        CORE.forEach(key -> keys.put(key.name(), key));
        INCLUDE_DEFAULTS.keySet().forEach(name -> keys.put(name, includeKey(name)));
        return Collections.unmodifiableMap(keys);
    }

    static ConfigKey includeKey(String name) {
        return ConfigKey.fileOnly(name, BOOLEAN);
    }

    static boolean isVigilKey(String name) {
        return VIGIL_KEYS.containsKey(name) || SECTIONS.contains(name);
    }

    static boolean isCatsOnly(String name) {
        return CATS_ONLY.contains(name);
    }

    /**
     * The known key an unknown one was most likely meant to be: the closest by edit distance (ignoring
     * case, and '-' written for '_'), or one it is the start of, if it is close enough that the guess is worth showing.
     */
    static Optional<String> suggestionFor(String unknown) {
        return closest(unknown, ALL_KNOWN);
    }

    /** Of {@code known}, the one {@code unknown} was most likely meant to be, if it is close enough to show. */
    static Optional<String> closest(String unknown, List<String> known) {
        String typed = unknown.toLowerCase(Locale.ROOT).replace('-', '_');
        int allowed = Math.max(1, Math.min(3, typed.length() / 4));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String normal = candidate.replace('-', '_');
            // A key typed without its unit ("rate" for rate_hz) is as likely a slip as a typo.
            int distance = typed.length() >= 3 && normal.startsWith(typed + "_") ? allowed
                    : EditDistance.between(typed, normal);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }
}
