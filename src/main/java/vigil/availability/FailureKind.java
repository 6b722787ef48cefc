package vigil.availability;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Names a failed check's error with a short, stable kind ({@code timeout}, {@code connection_refused}, ...),
 * so that outages count kinds rather than messages and known-error patterns have something stable to match.
 */
final class FailureKind {
    static final String TIMEOUT = "timeout";
    /** The instrument started the check after its timeout had already passed. */
    static final String LATE = "late";
    /** The check was due while the probe's in-flight cap of checks was still running, so it was not sent. */
    static final String IN_FLIGHT_CAP = "in_flight_cap";
    /** The TLS handshake failed, most often on a certificate this JVM does not trust. */
    static final String TLS_ERROR = "tls_error";

    private FailureKind() {
    }

    static String ofStatus(int status) {
        return "http_" + status;
    }

    /**
     * {@code http_502}, or with gorouter's {@code X-Cf-Routererror} {@code http_502_endpoint_failure}: whether the
     * router or the app answered is the first question about an outage. A known-error pattern {@code http_502}
     * matches both.
     */
    static String ofStatus(int status, String routerError) {
        if (routerError == null || routerError.isBlank()) {
            return ofStatus(status);
        }
        String named = routerError.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return named.isEmpty() ? ofStatus(status) : ofStatus(status) + "_" + (named.length() > 40 ? named.substring(0, 40) : named);
    }

    static String of(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof HttpConnectTimeoutException) {
            return "connect_timeout";
        }
        if (e instanceof TimeoutException || e instanceof HttpTimeoutException) {
            return TIMEOUT;
        }
        // The JDK client wraps the socket's own exception; the innermost one says what happened.
        for (Throwable t = e; t != null; t = t.getCause()) {
            String kind = direct(t);
            if (kind != null) {
                return kind;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e instanceof java.io.IOException ? "io_error" : "error_" + e.getClass().getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String direct(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (t instanceof ConnectException || message.contains("connection refused")) {
            return "connection_refused";
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return "unknown_host";
        }
        if (t instanceof NoRouteToHostException) {
            return "no_route_to_host";
        }
        if (t instanceof SSLException) {
            return TLS_ERROR;
        }
        if (message.contains("reset")) {
            return "connection_reset";
        }
        if (t instanceof EOFException || t instanceof ClosedChannelException || message.contains("closed")
                || message.contains("received no bytes")) {
            return "connection_closed";
        }
        if (t instanceof CancellationException) {
            return "cancelled";
        }
        return null;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
