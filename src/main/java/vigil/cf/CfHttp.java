package vigil.cf;

import io.restassured.RestAssured;
import org.awaitility.Awaitility;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** One HTTP endpoint (the CC or the UAA) reached with rest-assured, every exchange recorded, redacted. */
final class CfHttp {
    private final URI baseUri;
    private final RequestSpecification spec;
    private final RetryPolicy retry;
    private final Duration requestTimeout;

    CfHttp(URI baseUri, ConnectionSettings settings) {
        this.baseUri = baseUri;
        this.retry = settings.retry();
        this.requestTimeout = settings.requestTimeout();
        int timeoutMs = Math.toIntExact(settings.requestTimeout().toMillis());
        SSLConfig ssl = settings.skipSslValidation()
                ? SSLConfig.sslConfig().relaxedHTTPSValidation()
                : SSLConfig.sslConfig();
        RestAssuredConfig config = RestAssuredConfig.config()
                .sslConfig(ssl)
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", timeoutMs)
                        .setParam("http.socket.timeout", timeoutMs)
                        .setParam("http.connection-manager.timeout", (long) timeoutMs));
        this.spec = new RequestSpecBuilder()
                .setBaseUri(baseUri)
                .setConfig(config)
                // CF hands out hrefs already encoded (pagination links); send them as they are.
                .setUrlEncodingEnabled(false)
                .addFilter(new RedactingAllureFilter())
                .build();
    }

    URI baseUri() {
        return baseUri;
    }

    /**
     * Sends a request. {@code pathOrUrl} is a path below the base URI or an absolute URL (a CF href).
     * A request is sent again, with growing pauses (at least the answer's Retry-After), while the API turns it
     * away (429/503), and an idempotent one also after 502 or a failed connection (see {@link RetryPolicy});
     * the last answer is returned.
     *
     * @throws TargetUnreachableException when no HTTP response came back at all
     */
    Response send(String method, String pathOrUrl, UnaryOperator<RequestSpecification> request) {
        if (!retry.retries()) {
            return sendOnce(method, pathOrUrl, request);
        }
        Attempts attempts = new Attempts(method, pathOrUrl, request);
        // The bound is the attempts' count; atMost only guards against a request that never returns.
        Duration bound = requestTimeout.multipliedBy(retry.maxAttempts()).plus(retry.maxPause().multipliedBy(retry.maxAttempts()));
        Awaitility.await(method + " " + pathOrUrl + " answered without 'try again' (429/503, or 502)")
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval((count, previous) -> attempts.pauseAfter(count))
                .atMost(bound)
                .until(attempts::tryOnce);
        return attempts.result();
    }

    private Response sendOnce(String method, String pathOrUrl, UnaryOperator<RequestSpecification> request) {
        try {
            return request.apply(RestAssured.given().spec(spec)).request(method, pathOrUrl);
        } catch (Exception e) {
            throw unreachable(method, pathOrUrl, e);
        }
    }

    /** The attempts of one retried request; Awaitility (same thread) calls {@link #tryOnce} until it is done. */
    private final class Attempts {
        private final String method;
        private final String pathOrUrl;
        private final UnaryOperator<RequestSpecification> request;
        private int count;
        private Response response;
        private TargetUnreachableException failure;

        Attempts(String method, String pathOrUrl, UnaryOperator<RequestSpecification> request) {
            this.method = method;
            this.pathOrUrl = pathOrUrl;
            this.request = request;
        }

        boolean tryOnce() {
            count++;
            boolean last = count >= retry.maxAttempts();
            try {
                response = sendOnce(method, pathOrUrl, request);
                failure = null;
                return last || !retry.retriesAnswer(method, response.statusCode());
            } catch (TargetUnreachableException e) {
                if (!retry.retriesFailedConnection(method)) {
                    throw e;
                }
                response = null;
                failure = e;
                // An untrusted certificate stays untrusted: asking again only delays the message.
                return last || untrustedCertificate(e);
            }
        }

        Duration pauseAfter(int attempt) {
            Optional<Duration> retryAfter = response == null ? Optional.empty()
                    : RetryPolicy.retryAfter(response.getHeader("Retry-After"));
            return retry.pauseAfter(attempt, retryAfter);
        }

        Response result() {
            if (failure != null) {
                throw failure;
            }
            return response;
        }
    }

    private TargetUnreachableException unreachable(String method, String pathOrUrl, Exception e) {
        String where = method + " " + (pathOrUrl.startsWith("http") ? pathOrUrl : baseUri + pathOrUrl);
        Throwable cause = rootCause(e);
        if (untrustedCertificate(e)) {
            return new TargetUnreachableException(where + ": the TLS certificate is not trusted (" + describe(cause)
                    + "). For a dev environment with a self-signed certificate set skip_ssl_validation: true in the"
                    + " config (or --skip-ssl-validation, CF_SKIP_SSL_VALIDATION=true); otherwise give the endpoint a"
                    + " certificate from a CA this JVM trusts (or add its CA with -Djavax.net.ssl.trustStore).", e);
        }
        String advice = " Check that the api URL is right and the CF API is reachable from here.";
        if (!(cause instanceof IOException) && !(e instanceof IOException)) {
            where = where + " failed unexpectedly";
        }
        return new TargetUnreachableException(where + ": " + describe(cause) + "." + advice, e);
    }

    /**
     * Whether the TLS handshake failed because the certificate is not trusted or not for this host: the JDK
     * reports it as an {@link SSLHandshakeException} or {@link SSLPeerUnverifiedException} around a
     * certificate path error, which no retry changes.
     */
    private static boolean untrustedCertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLPeerUnverifiedException || t instanceof CertificateException
                    || t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + Redactor.text(message) + ")");
    }
}
