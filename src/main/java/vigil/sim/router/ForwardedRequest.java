package vigil.sim.router;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A client's request as the router passes it on: the same method, path, query, headers and body,
 * minus hop-by-hop headers and the ones the router owns, plus what gorouter adds for the app
 * ({@code X-Vcap-Request-Id}, {@code X-Forwarded-For}, {@code X-Forwarded-Proto}, {@code X-Request-Start};
 * the {@code X-CF-*} instance headers are added per backend, since a retry goes elsewhere).
 */
final class ForwardedRequest {

    static final String REQUEST_ID = "X-Vcap-Request-Id";

    // Set by the router for the backend it picks; a client's own values would mislead the app.
    // The JDK client computes Content-Length and refuses Host and Expect (Host is handled per backend).
    private static final Set<String> REPLACED = caseInsensitive(List.of(
            REQUEST_ID, AppInstanceHeader.NAME, "X-CF-ApplicationID", "X-CF-InstanceIndex", "X-CF-InstanceID",
            "Host", "Content-Length", "Expect"));

    private static final Set<String> BODYLESS_METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");

    private final String method;
    private final String pathAndQuery;
    private final String hostHeader;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private ForwardedRequest(String method, String pathAndQuery, String hostHeader, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.pathAndQuery = pathAndQuery;
        this.hostHeader = hostHeader;
        this.headers = headers;
        this.body = body;
    }

    /**
     * @param pathAndQuery the raw (still encoded) path and query, as the client sent them
     * @param clientAddress the address the request came from, appended to {@code X-Forwarded-For}
     */
    static ForwardedRequest of(String method, String pathAndQuery, String hostHeader, Map<String, List<String>> incoming,
            byte[] body, String requestId, String clientAddress, Clock clock) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        HopByHopHeaders.removedFrom(incoming).forEach((name, values) -> {
            if (!REPLACED.contains(name)) {
                headers.put(name, values);
            }
        });
        headers.put(REQUEST_ID, List.of(requestId));
        // Go's reverse proxy appends the client to the chain a load balancer may have started.
        List<String> forwardedFor = headers.get("X-Forwarded-For");
        headers.put("X-Forwarded-For", List.of(forwardedFor == null || forwardedFor.isEmpty()
                ? clientAddress
                : String.join(", ", forwardedFor) + ", " + clientAddress));
        // gorouter keeps what a TLS-terminating load balancer in front said; the router itself speaks http.
        headers.putIfAbsent("X-Forwarded-Proto", List.of("http"));
        headers.putIfAbsent("X-Request-Start", List.of(Long.toString(clock.millis())));
        return new ForwardedRequest(method, pathAndQuery, hostHeader, headers, body);
    }

    /**
     * The request for one backend.
     *
     * @param hostHeaderAllowed whether this JVM lets the JDK client send a {@code Host} header
     *        ({@code -Djdk.httpclient.allowRestrictedHeaders=host}); without it the app sees its own
     *        address as Host and the route in {@code X-Forwarded-Host}
     */
    HttpRequest toBackend(Backend backend, boolean hostHeaderAllowed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + authority(backend) + pathAndQuery))
                .method(method, bodyPublisher());
        headers.forEach((name, values) -> values.forEach(value -> addIfAllowed(request, name, value)));
        request.setHeader("X-CF-ApplicationID", String.valueOf(backend.appGuid()));
        request.setHeader("X-CF-InstanceIndex", Integer.toString(backend.index()));
        // gorouter falls back to the backend's address when the instance has no id.
        String instanceId = backend.instanceGuid();
        request.setHeader("X-CF-InstanceID", instanceId == null || instanceId.isEmpty() ? authority(backend) : instanceId);
        if (hostHeaderAllowed) {
            request.setHeader("Host", hostHeader);
        } else if (!headers.containsKey("X-Forwarded-Host")) {
            request.setHeader("X-Forwarded-Host", hostHeader);
        }
        return request.build();
    }

    String method() {
        return method;
    }

    String requestId() {
        return headers.get(REQUEST_ID).get(0);
    }

    static String authority(Backend backend) {
        String host = backend.host();
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + backend.port();
    }

    private BodyPublisher bodyPublisher() {
        return body.length == 0 && BODYLESS_METHODS.contains(method) ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body);
    }

    private static void addIfAllowed(HttpRequest.Builder request, String name, String value) {
        try {
            request.header(name, value);
        } catch (IllegalArgumentException refused) {
            // A header the JDK client will not send (a restricted name or an illegal value) is dropped,
            // as a proxy drops what it cannot forward, rather than failing the whole request.
        }
    }

    private static Set<String> caseInsensitive(List<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
