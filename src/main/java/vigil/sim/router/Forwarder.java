package vigil.sim.router;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a request to the backends of a route in the order given, as gorouter's round tripper does:
 * a backend that cannot be connected to has received nothing, so the next one is tried (any method,
 * up to {@link RouterOptions#maxAttempts()} backends); a backend that fails or times out after the
 * request was sent is not retried, since a retry could repeat a non-idempotent request.
 * One JDK client serves every request, so connections to instances are kept alive and reused.
 */
final class Forwarder {

    /** What came of forwarding: a backend's response, or why none could be had. */
    sealed interface Outcome permits Answered, Failed {
    }

    record Answered(Backend backend, HttpResponse<byte[]> response) implements Outcome {
    }

    /** @param cause in Go's words where gorouter would show Go's error, e.g. {@code context deadline exceeded} */
    record Failed(String cause) implements Outcome {
    }

    // Whether this JVM lets the JDK client send Host; decided once, as the JDK reads its setting once.
    private static final boolean HOST_HEADER_ALLOWED = hostHeaderAllowed();

    private final HttpClient client;
    private final RouterOptions options;

    Forwarder(RouterOptions options) {
        this.options = options;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                // Never: a redirect or cookie is the client's business, and the sim never uses a proxy.
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    Outcome forward(List<Backend> backends, ForwardedRequest request) {
        int attempts = Math.min(options.maxAttempts(), backends.size());
        String lastDialFailure = "no endpoints available";
        for (int attempt = 0; attempt < attempts; attempt++) {
            Backend backend = backends.get(attempt);
            if (!LoopbackHost.isLoopback(backend.host())) {
                lastDialFailure = "dial tcp " + ForwardedRequest.authority(backend) + ": not a loopback address, refused by the sim";
                continue;
            }
            try {
                return new Answered(backend, send(request.toBackend(backend, HOST_HEADER_ALLOWED)));
            } catch (AttemptFailure e) {
                if (!e.nothingSent) {
                    return new Failed(e.getMessage());
                }
                lastDialFailure = e.getMessage();
            } catch (IllegalArgumentException e) {
                // The JDK client refuses some requests outright (e.g. method CONNECT); no backend can help.
                return new Failed(e.getMessage());
            }
        }
        return new Failed(lastDialFailure);
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws AttemptFailure {
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, BodyHandlers.ofByteArray());
        try {
            // One deadline for the whole attempt, body included, like gorouter's endpoint_timeout.
            return call.get(options.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw AttemptFailure.afterSending("context deadline exceeded");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw AttemptFailure.afterSending("router stopping");
        } catch (ExecutionException e) {
            throw classify(request.uri(), e.getCause());
        }
    }

    private static AttemptFailure classify(URI target, Throwable failure) {
        String dial = "dial tcp " + target.getRawAuthority() + ": ";
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return AttemptFailure.beforeSending(dial + "i/o timeout");
            }
            if (cause instanceof ConnectException) {
                return AttemptFailure.beforeSending(dial + "connect: connection refused");
            }
        }
        String message = failure == null ? "unknown error" : failure.getMessage();
        return AttemptFailure.afterSending(message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }

    private static boolean hostHeaderAllowed() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "probe");
            return true;
        } catch (IllegalArgumentException restricted) {
            return false;
        }
    }

    /** One attempt failed; {@code nothingSent} tells whether another backend may safely be tried. */
    private static final class AttemptFailure extends Exception {
        private final boolean nothingSent;

        private AttemptFailure(String message, boolean nothingSent) {
            super(message, null, false, false);
            this.nothingSent = nothingSent;
        }

        static AttemptFailure beforeSending(String message) {
            return new AttemptFailure(message, true);
        }

        static AttemptFailure afterSending(String message) {
            return new AttemptFailure(message, false);
        }
    }
}
