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

    private final ProbeSpec spec;
    private final HttpClient client;
    private final URI requestUri;
    private final String hostHeader;

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
        this(spec, url, routerAddress, skipSslValidation ? SharedHttpClient.unverified() : SharedHttpClient.get());
    }

    HttpProbe(ProbeSpec spec, URI url, String routerAddress, HttpClient client) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.client = Objects.requireNonNull(client, "client");
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

    @Override
    public ProbeSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ProbeOutcome> fire(Instant scheduled) {
        HttpRequest.Builder request = HttpRequest.newBuilder(requestUri).GET().timeout(spec.timeout())
                .header("User-Agent", "vigil-availability");
        if (hostHeader != null) {
            request.header("Host", hostHeader);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpProbe::outcome);
    }

    private static ProbeOutcome outcome(HttpResponse<Void> response) {
        int status = response.statusCode();
        String instance = response.headers().firstValue(INSTANCE_HEADER).orElse(null);
        return status >= 200 && status < 300 ? ProbeOutcome.success(status, instance)
                : ProbeOutcome.failure(status, FailureKind.ofStatus(status), instance);
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
    }
}
