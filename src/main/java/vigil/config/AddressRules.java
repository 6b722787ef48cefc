package vigil.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** What counts as a valid API endpoint, apps domain and router address, and how a bare API host becomes a URL. */
final class AddressRules {
    static final String API_RULE = "a host name like api.example.com or an http or https URL with a host";
    static final String DOMAIN_RULE = "a domain name like apps.example.com, without scheme or port";
    static final String ROUTER_ADDRESS_RULE = "host:port with a port from 1 to 65535";
    static final String TCP_ROUTER_ADDRESS_RULE = "a host name or IPv4 address like tcp.example.com or 10.0.0.6, "
            + "without scheme or port (a TCP route's port is added to it)";

    private static final String LABEL = "[a-z0-9]([a-z0-9_-]*[a-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile("(?i)" + LABEL + "(\\." + LABEL + ")*\\.?");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private AddressRules() {
    }

    static boolean isDomain(String value) {
        return DOMAIN.matcher(value).matches();
    }

    static boolean isHostAndPort(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        String host = value.substring(0, colon);
        String port = value.substring(colon + 1);
        boolean hostOk = isDomain(host) || BRACKETED_IPV6.matcher(host).matches();
        return hostOk && PORT.matcher(port).matches() && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
    }

    /** True when the value looks like it carries "user:password@", which must never be echoed. */
    static boolean hasUserInfo(String api) {
        return api.contains("@");
    }

    static boolean isApi(String value) {
        try {
            URI uri = parse(value, false);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The API URL for a valid {@code value}. A bare host, as CATS files give it, gets https, or http when
     * {@code use_http} is set; a URL keeps its own scheme. Trailing slashes go, so paths can be appended.
     */
    static URI apiUrl(String value, boolean useHttp) {
        try {
            return parse(value, useHttp);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid api value; check isApi first", e);
        }
    }

    private static URI parse(String value, boolean useHttp) throws URISyntaxException {
        int schemeEnd = value.indexOf("://");
        String scheme = schemeEnd < 0 ? (useHttp ? "http" : "https") : value.substring(0, schemeEnd);
        String rest = (schemeEnd < 0 ? value : value.substring(schemeEnd + 3)).replaceAll("/+$", "");
        return new URI(scheme.toLowerCase(Locale.ROOT) + "://" + rest);
    }
}
