package vigil.availability;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * GETs a URL; a 2xx answer is a success, anything else a failure named by its status or error kind.
 * The instance that answered is taken from the {@value #INSTANCE_HEADER} header when present.
 *
 * <p>With a router address the request goes to that host:port and carries the URL's host as {@code Host},
 * as a client of CF's gorouter behind a load balancer does (the JVM needs
 * {@code jdk.httpclient.allowRestrictedHeaders=host}, which Vigil sets at start).
 *
 * <p>Example: {@code new HttpProbe(new ProbeSpec("app-http", url, 10, Duration.ofSeconds(2)), URI.create(url), null)}.
 */
public final class HttpProbe implements Probe {
    /** Vigil's test app names its instance here. */
    public static final String INSTANCE_HEADER = "X-Vigil-Instance";
    /** gorouter names why it answered itself (e.g. {@code endpoint_failure}); the failure's kind carries it. */
    static final String ROUTER_ERROR_HEADER = "X-Cf-Routererror";
    /** {@link #connection()} of a probe that keeps its connections alive. */
    public static final String REUSED = "reused";
    /** {@link #connection()} of a probe that opens a fresh TCP (and TLS) connection for every check. */
    public static final String NEW = "new";

    private final ProbeSpec spec;
    private final HttpClient client;
    private final URI requestUri;
    private final String hostHeader;
    private final boolean newConnection;

    /** A probe on the shared client of all HTTP probes; TLS certificates are verified. */
    public HttpProbe(ProbeSpec spec, URI url, String routerAddress) {
        this(spec, url, routerAddress, false);
    }

    /**
     * A probe on the shared client of all HTTP probes of the same trust.
     *
     * @param skipSslValidation accept any certificate for any host (the config's {@code skip_ssl_validation})
     */
    public HttpProbe(ProbeSpec spec, URI url, String routerAddress, boolean skipSslValidation) {
        this(spec, url, routerAddress, skipSslValidation ? SharedHttpClient.unverified() : SharedHttpClient.get(), false);
    }

    /**
     * A probe that opens a fresh connection for every check ({@code Connection: close}, on a client of its own so
     * that no kept-alive connection is ever picked): it sees what a new client sees, TCP accept and TLS handshake
     * included, where a kept-alive probe only sees requests on a connection that already works.
     */
    public static HttpProbe newConnections(ProbeSpec spec, URI url, String routerAddress, boolean skipSslValidation) {
        return new HttpProbe(spec, url, routerAddress, skipSslValidation ? SharedHttpClient.freshUnverified()
                : SharedHttpClient.fresh(), true);
    }

    HttpProbe(ProbeSpec spec, URI url, String routerAddress, HttpClient client) {
        this(spec, url, routerAddress, client, false);
    }

    private HttpProbe(ProbeSpec spec, URI url, String routerAddress, HttpClient client, boolean newConnection) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.client = Objects.requireNonNull(client, "client");
        this.newConnection = newConnection;
        if (newConnection) {
            requireConnectionHeader();
        }
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("probe " + spec.name() + ": '" + url
                    + "' is not an http(s) URL with a host, e.g. http://app.example.com/health");
        }
        if (routerAddress == null || routerAddress.isBlank()) {
            this.requestUri = url;
            this.hostHeader = null;
        } else {
            this.requestUri = viaRouter(url, routerAddress.trim());
            this.hostHeader = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
        }
    }

    private static URI viaRouter(URI url, String routerAddress) {
        try {
            URI router = new URI("x://" + routerAddress);
            if (router.getHost() == null || router.getPort() < 0 || router.getPath() != null && !router.getPath().isEmpty()) {
                throw new URISyntaxException(routerAddress, "not host:port");
            }
            return new URI(url.getScheme(), url.getUserInfo(), router.getHost(), router.getPort(), url.getPath(),
                    url.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("router address '" + routerAddress + "' is not HOST:PORT, e.g. 10.0.0.5:80");
        }
    }

    /** The JDK client refuses {@code Connection} unless the JVM allows it; Vigil's start does, a bare JVM may not. */
    private static void requireConnectionHeader() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Connection", "close");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a new-connection probe needs the JVM option"
                    + " -Djdk.httpclient.allowRestrictedHeaders=host,connection (vigil sets it at start)", e);
        }
    }

    @Override
    public ProbeSpec spec() {
        return spec;
    }

    @Override
    public String connection() {
        return newConnection ? NEW : REUSED;
    }

    @Override
    public CompletableFuture<ProbeOutcome> fire(Instant scheduled) {
        HttpRequest.Builder request = HttpRequest.newBuilder(requestUri).GET().timeout(spec.timeout())
                .header("User-Agent", "vigil-availability");
        if (hostHeader != null) {
            request.header("Host", hostHeader);
        }
        if (newConnection) {
            // The server answers with Connection: close and closes; the JDK client then never pools the connection.
            request.header("Connection", "close");
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpProbe::outcome);
    }

    private static ProbeOutcome outcome(HttpResponse<Void> response) {
        int status = response.statusCode();
        String instance = response.headers().firstValue(INSTANCE_HEADER).orElse(null);
        if (status >= 200 && status < 300) {
            return ProbeOutcome.success(status, instance);
        }
        String routerError = response.headers().firstValue(ROUTER_ERROR_HEADER).orElse(null);
        return ProbeOutcome.failure(status, FailureKind.ofStatus(status, routerError), instance);
    }

    /**
     * One client for every HTTP probe: one connection pool and selector thread, however many probes run
     * (two when some probes skip TLS validation: those get a client of their own, made only when asked for).
     */
    static final class SharedHttpClient {
        private SharedHttpClient() {
        }

        static HttpClient get() {
            return Holder.CLIENT;
        }

        static HttpClient unverified() {
            return UnverifiedHolder.CLIENT;
        }

        static HttpClient fresh() {
            return FreshHolder.CLIENT;
        }

        static HttpClient freshUnverified() {
            return FreshUnverifiedHolder.CLIENT;
        }

        // HTTP/1.1 as a load balancer or gorouter speaks it; no h2c upgrade dance on every connection.
        // Redirects are not followed: a 3xx from a health URL is an answer to report, not to chase.
        private static HttpClient.Builder builder() {
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10));
        }

        private static final class Holder {
            static final HttpClient CLIENT = builder().build();
        }

        private static final class UnverifiedHolder {
            static final HttpClient CLIENT = builder().sslContext(UnverifiedTls.context()).build();
        }

        private static final class FreshHolder {
            static final HttpClient CLIENT = builder().build();
        }

        private static final class FreshUnverifiedHolder {
            static final HttpClient CLIENT = builder().sslContext(UnverifiedTls.context()).build();
        }
    }
}
