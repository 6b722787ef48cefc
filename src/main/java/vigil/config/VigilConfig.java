package vigil.config;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The validated configuration of one run. Key names in the javadoc are the config-file (CATS) names.
 * Its {@code toString()} shows secrets as {@code [REDACTED]}; {@link #redactedView()} is the form for reports.
 *
 * @param api                     the Cloud Controller URL, scheme always present ({@code api})
 * @param adminUser               {@code admin_user}, {@code null} when client credentials are used instead
 * @param adminPassword           {@code admin_password}, {@link Secret#empty()} when not given
 * @param adminClient             {@code admin_client}, {@code null} when not given
 * @param adminClientSecret       {@code admin_client_secret}, {@link Secret#empty()} when not given
 * @param timeoutScale            multiplier for every timeout, greater than 0 ({@code timeout_scale})
 * @param namePrefix              prefix of every CF resource a run creates ({@code name_prefix})
 * @param routerAddress           {@code host:port} to send app requests to, with the route as {@code Host},
 *                                for apps domains without DNS; {@code null} to resolve routes normally
 * @param useHttp                 CATS' {@code use_http}: plain http for a bare-host api and for app routes
 * @param existingOrganization    the org to use when {@code useExistingOrganization}, else {@code null} or ignored
 * @param existingSpace           a space in that org to use, {@code null} to create spaces
 * @param freshStaging            stage every push instead of staging once per run and copying the droplet
 *                                ({@code fresh_staging}, for checking staging itself)
 * @param includes                every CATS {@code include_*} switch with its value; switches not given get
 *                                CATS' default
 * @param availability            the availability probes' pace, thresholds and known errors ({@code availability})
 * @param tcpDomain               CATS's {@code tcp_domain}: the TCP domain (router group {@code default-tcp}) TCP
 *                                routes are made in, created by the run when missing; {@code null} when not given
 * @param tcpRouterAddress        {@code tcp_router_address}: the host to connect to for TCP routes (with the
 *                                route's port), for TCP domains without DNS; {@code null} to connect to the domain
 */
public record VigilConfig(URI api, String appsDomain, String adminUser, Secret adminPassword,
                          String adminClient, Secret adminClientSecret, boolean skipSslValidation,
                          double timeoutScale, String namePrefix, String routerAddress, boolean useHttp,
                          boolean useExistingOrganization, String existingOrganization, String existingSpace,
                          boolean freshStaging, Map<String, Boolean> includes, AvailabilitySettings availability,
                          String tcpDomain, String tcpRouterAddress) {

    public VigilConfig {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(namePrefix, "namePrefix");
        if (!(timeoutScale > 0) || Double.isInfinite(timeoutScale)) {
            throw new IllegalArgumentException("timeoutScale must be greater than 0, got " + timeoutScale);
        }
        adminPassword = adminPassword == null ? Secret.empty() : adminPassword;
        adminClientSecret = adminClientSecret == null ? Secret.empty() : adminClientSecret;
        includes = withDefaults(includes);
        availability = availability == null ? AvailabilitySettings.defaults() : availability;
    }

    /** A configuration without TCP routing settings. */
    public VigilConfig(URI api, String appsDomain, String adminUser, Secret adminPassword,
                       String adminClient, Secret adminClientSecret, boolean skipSslValidation,
                       double timeoutScale, String namePrefix, String routerAddress, boolean useHttp,
                       boolean useExistingOrganization, String existingOrganization, String existingSpace,
                       boolean freshStaging, Map<String, Boolean> includes, AvailabilitySettings availability) {
        this(api, appsDomain, adminUser, adminPassword, adminClient, adminClientSecret, skipSslValidation,
                timeoutScale, namePrefix, routerAddress, useHttp, useExistingOrganization, existingOrganization,
                existingSpace, freshStaging, includes, availability, null, null);
    }

    /** A configuration with the default availability settings. */
    public VigilConfig(URI api, String appsDomain, String adminUser, Secret adminPassword,
                       String adminClient, Secret adminClientSecret, boolean skipSslValidation,
                       double timeoutScale, String namePrefix, String routerAddress, boolean useHttp,
                       boolean useExistingOrganization, String existingOrganization, String existingSpace,
                       boolean freshStaging, Map<String, Boolean> includes) {
        this(api, appsDomain, adminUser, adminPassword, adminClient, adminClientSecret, skipSslValidation,
                timeoutScale, namePrefix, routerAddress, useHttp, useExistingOrganization, existingOrganization,
                existingSpace, freshStaging, includes, null);
    }

    private static Map<String, Boolean> withDefaults(Map<String, Boolean> given) {
        Map<String, Boolean> all = new TreeMap<>(ConfigKeys.INCLUDE_DEFAULTS);
        if (given != null) {
            given.forEach((key, value) -> {
                if (!all.containsKey(key)) {
                    throw new IllegalArgumentException("unknown switch '" + key + "'");
                }
                all.put(key, Objects.requireNonNull(value, key));
            });
        }
        return Collections.unmodifiableMap(all);
    }

    /** {@code base} multiplied by {@link #timeoutScale()}: {@code config.scaled(Duration.ofMinutes(2))}. */
    public Duration scaled(Duration base) {
        // A double holds nanoseconds exactly up to about 100 days, far beyond any timeout.
        return Duration.ofNanos(Math.round(base.toNanos() * timeoutScale));
    }

    /** The value of a CATS switch, e.g. {@code include("include_tasks")}; unknown names are a programming error. */
    public boolean include(String key) {
        Boolean value = includes.get(key);
        if (value == null) {
            throw new IllegalArgumentException("unknown switch '" + key + "', known: " + includes.keySet());
        }
        return value;
    }

    /** True when admin_user and admin_password are both given. */
    public boolean hasUserCredentials() {
        return adminUser != null && !adminPassword.isEmpty();
    }

    /** True when admin_client and admin_client_secret are both given. */
    public boolean hasClientCredentials() {
        return adminClient != null && !adminClientSecret.isEmpty();
    }

    /**
     * Config-file key to value, for reports and {@code --help}-style dumps: values not given are left out,
     * secrets that are given show as {@code [REDACTED]}, the api as its URL text.
     */
    public Map<String, Object> redactedView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("api", api.toString());
        putIfGiven(view, "apps_domain", appsDomain);
        putIfGiven(view, "admin_user", adminUser);
        putIfGiven(view, "admin_password", adminPassword.isEmpty() ? null : adminPassword.toString());
        putIfGiven(view, "admin_client", adminClient);
        putIfGiven(view, "admin_client_secret", adminClientSecret.isEmpty() ? null : adminClientSecret.toString());
        view.put("skip_ssl_validation", skipSslValidation);
        view.put("timeout_scale", timeoutScale);
        view.put("name_prefix", namePrefix);
        putIfGiven(view, "router_address", routerAddress);
        view.put("use_http", useHttp);
        view.put("fresh_staging", freshStaging);
        view.put("use_existing_organization", useExistingOrganization);
        putIfGiven(view, "existing_organization", existingOrganization);
        putIfGiven(view, "existing_space", existingSpace);
        view.putAll(includes);
        putIfGiven(view, "tcp_domain", tcpDomain);
        putIfGiven(view, "tcp_router_address", tcpRouterAddress);
        return Collections.unmodifiableMap(view);
    }

    private static void putIfGiven(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }
}
