package vigil.sim.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a handler sees of one HTTP request. Header names are case-insensitive, as in HTTP.
 * The path is the decoded path; path parameters are filled in once a route has matched.
 */
public final class Request {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Map<String, String> pathParams;

    public Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this(method, path, rawQuery, headers, body, Map.of());
    }

    private Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                    Map<String, String> pathParams) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.rawQuery = rawQuery;
        Map<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseless.put(name, List.copyOf(values)));
        this.headers = caseless;
        this.body = body.clone();
        this.pathParams = Map.copyOf(pathParams);
    }

    /** The same request with the parameters a route template captured. */
    public Request withPathParams(Map<String, String> params) {
        return new Request(method, path, rawQuery, headers, body, params);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Decoded query parameters in request order; empty when there is no query. */
    public Map<String, String> query() {
        return UrlEncoded.decode(rawQuery);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> pathParam(String name) {
        return Optional.ofNullable(pathParams.get(name));
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as an HTML form, whatever the declared content type (UAA is lenient too). */
    public Map<String, String> form() {
        return UrlEncoded.decode(new String(body, StandardCharsets.UTF_8));
    }

    /** Method and path only: query strings and headers can carry secrets and stay out of logs. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
