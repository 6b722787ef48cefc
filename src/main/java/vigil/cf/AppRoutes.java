package vigil.cf;

import io.restassured.http.Header;
import io.restassured.response.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reaches apps through their routes, as a user's browser would: {@code https://host.domain/path}, or, when
 * {@code router_address} is configured (no DNS for the apps domain, as on the embedded CF), the router's
 * address with the route as {@code Host}. Answers come back as they are: no retries, so a failure shows.
 */
public final class AppRoutes {
    private final String routerAddress;
    private final boolean useHttp;
    private final ConnectionSettings settings;
    private final Map<URI, CfHttp> endpoints = new ConcurrentHashMap<>();

    /** @param routerAddress {@code host:port} to connect to for every route, or {@code null} to use DNS */
    public AppRoutes(String routerAddress, boolean useHttp, ConnectionSettings settings) {
        this.routerAddress = routerAddress;
        this.useHttp = useHttp;
        this.settings = new ConnectionSettings(settings.skipSslValidation(), settings.requestTimeout(), RetryPolicy.NONE);
    }

    /** GET {@code path} of the route {@code host} (e.g. {@code my-app.apps.example.com}). */
    public AppResponse get(String host, String path, Map<String, String> headers) {
        URI base = base(host);
        CfHttp http = endpoints.computeIfAbsent(base, uri -> new CfHttp(uri, settings));
        Response response = http.send("GET", path, request -> {
            headers.forEach(request::header);
            return routerAddress == null ? request : request.header("Host", host);
        });
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            responseHeaders.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
        }
        return new AppResponse(response.statusCode(), response.asString(), responseHeaders);
    }

    private URI base(String host) {
        String scheme = useHttp ? "http://" : "https://";
        return URI.create(scheme + (routerAddress != null ? routerAddress : host));
    }
}
