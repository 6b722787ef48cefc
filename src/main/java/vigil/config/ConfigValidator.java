package vigil.config;

import static vigil.config.ConfigKeys.ADMIN_CLIENT;
import static vigil.config.ConfigKeys.ADMIN_CLIENT_SECRET;
import static vigil.config.ConfigKeys.ADMIN_PASSWORD;
import static vigil.config.ConfigKeys.ADMIN_USER;
import static vigil.config.ConfigKeys.API;
import static vigil.config.ConfigKeys.APPS_DOMAIN;
import static vigil.config.ConfigKeys.EXISTING_ORGANIZATION;
import static vigil.config.ConfigKeys.EXISTING_SPACE;
import static vigil.config.ConfigKeys.NAME_PREFIX;
import static vigil.config.ConfigKeys.ROUTER_ADDRESS;
import static vigil.config.ConfigKeys.SKIP_SSL_VALIDATION;
import static vigil.config.ConfigKeys.TIMEOUT_SCALE;
import static vigil.config.ConfigKeys.USE_EXISTING_ORGANIZATION;
import static vigil.config.ConfigKeys.USE_HTTP;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies Vigil's rules to the winning settings and builds the {@link VigilConfig}. Every rule runs even
 * after one fails, so the user sees all problems at once.
 */
final class ConfigValidator {
    static final String TIMEOUT_SCALE_RULE = "a number greater than 0";
    static final String NAME_PREFIX_RULE =
            "1 to 20 letters (taken in lower case), digits or dashes, starting with a letter and not ending with a dash";
    // Run resources are named <prefix>-<runid>-<kind>-<n>; CF names allow more, but a short, plain
    // prefix keeps names within CF's limits and lets `vigil cleanup` match them safely.
    private static final Pattern NAME_PREFIX_PATTERN = Pattern.compile("[a-z]([a-z0-9-]{0,18}[a-z0-9])?");
    private static final String NO_CREDENTIALS = "credentials: missing; set admin_user and admin_password, or"
            + " admin_client and admin_client_secret (in the config file, or with CF_USERNAME or --admin-user"
            + " and CF_PASSWORD, or with CF_CLIENT and CF_CLIENT_SECRET)";

    private ConfigValidator() {
    }

    /** The configuration, or a {@link ConfigException} with every problem (and {@code warnings} for context). */
    static VigilConfig validate(SettingSources sources, List<String> warnings) throws ConfigException {
        SettingConverter values = new SettingConverter(sources);
        boolean useHttp = values.bool(USE_HTTP, false);
        URI api = api(values, useHttp);
        String appsDomain = values.string(APPS_DOMAIN, AddressRules.DOMAIN_RULE, AddressRules::isDomain).orElse(null);
        requireGiven(values, APPS_DOMAIN);
        String adminUser = values.string(ADMIN_USER).orElse(null);
        Secret adminPassword = values.secret(ADMIN_PASSWORD);
        String adminClient = values.string(ADMIN_CLIENT).orElse(null);
        Secret adminClientSecret = values.secret(ADMIN_CLIENT_SECRET);
        checkCredentials(values);
        boolean skipSslValidation = values.bool(SKIP_SSL_VALIDATION, false);
        double timeoutScale = values.number(TIMEOUT_SCALE, TIMEOUT_SCALE_RULE, scale -> scale > 0,
                ConfigKeys.DEFAULT_TIMEOUT_SCALE);
        // CATS's own default prefix is "CATS": taken in lower case, so a CATS file works as it is.
        String namePrefix = values.string(NAME_PREFIX, NAME_PREFIX_RULE,
                        prefix -> NAME_PREFIX_PATTERN.matcher(prefix.toLowerCase(Locale.ROOT)).matches())
                .map(prefix -> prefix.toLowerCase(Locale.ROOT))
                .orElse(ConfigKeys.DEFAULT_NAME_PREFIX);
        String routerAddress = values.string(ROUTER_ADDRESS, AddressRules.ROUTER_ADDRESS_RULE,
                AddressRules::isHostAndPort).orElse(null);
        boolean useExistingOrganization = values.bool(USE_EXISTING_ORGANIZATION, false);
        String existingOrganization = values.string(EXISTING_ORGANIZATION).orElse(null);
        if (useExistingOrganization && !values.given(EXISTING_ORGANIZATION)) {
            values.missing(EXISTING_ORGANIZATION, "required because use_existing_organization is true");
        }
        String existingSpace = values.string(EXISTING_SPACE).orElse(null);
        boolean freshStaging = values.bool(ConfigKeys.FRESH_STAGING, false);
        Map<String, Boolean> includes = new LinkedHashMap<>();
        ConfigKeys.INCLUDE_DEFAULTS.forEach((name, fallback) ->
                includes.put(name, values.bool(ConfigKeys.includeKey(name), fallback)));
        String tcpDomain = values.string(ConfigKeys.TCP_DOMAIN, AddressRules.DOMAIN_RULE, AddressRules::isDomain)
                .orElse(null);
        if (includes.get("include_tcp_routing") && !values.given(ConfigKeys.TCP_DOMAIN)) {
            values.missing(ConfigKeys.TCP_DOMAIN, "required because include_tcp_routing is true (the TCP domain"
                    + " TCP routes are made in, e.g. tcp.example.com; Vigil creates it with router group default-tcp"
                    + " when it does not exist)");
        }
        String tcpRouterAddress = values.string(ConfigKeys.TCP_ROUTER_ADDRESS, AddressRules.TCP_ROUTER_ADDRESS_RULE,
                AddressRules::isDomain).orElse(null);
        List<String> availabilityProblems = new ArrayList<>();
        AvailabilitySettings availability = AvailabilitySection.read(sources.fileSection(AvailabilitySection.KEY),
                sources.fileSource(), availabilityProblems, warnings);
        availabilityProblems.forEach(values::problem);

        if (!values.problems().isEmpty()) {
            throw ConfigException.invalid(values.problems(), warnings);
        }
        return new VigilConfig(api, appsDomain, adminUser, adminPassword, adminClient, adminClientSecret,
                skipSslValidation, timeoutScale, namePrefix, routerAddress, useHttp, useExistingOrganization,
                existingOrganization, existingSpace, freshStaging, includes, availability, tcpDomain, tcpRouterAddress);
    }

    private static URI api(SettingConverter values, boolean useHttp) {
        if (!requireGiven(values, API)) {
            return null;
        }
        String value = values.string(API).orElse(null);
        if (value == null) {
            return null;   // not a string: already reported
        }
        if (AddressRules.hasUserInfo(value)) {
            values.rejectWithoutValue(API, "a URL without user credentials (give those as admin_user and"
                    + " admin_password)");
            return null;
        }
        if (!AddressRules.isApi(value)) {
            values.reject(API, AddressRules.API_RULE);
            return null;
        }
        return AddressRules.apiUrl(value, useHttp);
    }

    private static boolean requireGiven(SettingConverter values, ConfigKey key) {
        if (values.given(key)) {
            return true;
        }
        values.missing(key, "");
        return false;
    }

    /** One complete pair is needed; a half-given pair is a mistake even when the other pair is complete. */
    private static void checkCredentials(SettingConverter values) {
        boolean user = values.given(ADMIN_USER);
        boolean password = values.given(ADMIN_PASSWORD);
        boolean client = values.given(ADMIN_CLIENT);
        boolean clientSecret = values.given(ADMIN_CLIENT_SECRET);
        if (!user && !password && !client && !clientSecret) {
            values.problem(NO_CREDENTIALS);
            return;
        }
        checkPair(values, ADMIN_USER, user, ADMIN_PASSWORD, password);
        checkPair(values, ADMIN_CLIENT, client, ADMIN_CLIENT_SECRET, clientSecret);
    }

    private static void checkPair(SettingConverter values, ConfigKey first, boolean hasFirst,
                                  ConfigKey second, boolean hasSecond) {
        if (hasFirst && !hasSecond) {
            values.missing(second, "required with " + first.name());
        }
        if (hasSecond && !hasFirst) {
            values.missing(first, "required with " + second.name());
        }
    }
}
