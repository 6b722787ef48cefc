package vigil.sim.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Absolute URLs of this Cloud Controller, as CC builds them for links: the external base URL plus a
 * path, and for queries Rails' {@code to_query}: each pair CGI-escaped, then the pairs sorted.
 */
final class ApiUrlBuilder {

    private final String base;

    ApiUrlBuilder(URI base) {
        this.base = base.toString().replaceAll("/+$", "");
    }

    String url() {
        return base;
    }

    String url(String path) {
        return base + path;
    }

    String url(String path, Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(pair -> escape(pair.getKey()) + "=" + escape(pair.getValue()))
                .sorted()
                .collect(Collectors.joining("&"));
        return encoded.isEmpty() ? url(path) : url(path) + "?" + encoded;
    }

    /** Ruby's CGI.escape: like the JDK's form encoding except that only '*' is also escaped and '~' is not. */
    private static String escape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }
}
