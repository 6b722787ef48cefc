package vigil.testapp.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code /proxy/HOST:PORT/PATH}: the app itself asks {@code http://HOST:PORT/PATH}, as an ordinary JVM app would,
 * with {@link HttpClient#newHttpClient()} and its defaults (system name resolution and proxy selector). Each
 * call uses a new client and so a new connection: network policies apply to new connections, and a pooled one
 * would outlive a policy's removal. A failure to connect is the answer 502 naming it.
 */
final class Proxy {

    /** Longer than a router's connect timeout, shorter than a scenario's patience for one request. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Proxy() {
    }

    /** What the app answers: the other side's status and body, or 502 saying why it could not be reached. */
    record Answer(int status, String body) {
    }

    static Answer call(String target) {
        URI uri;
        try {
            uri = URI.create("http://" + target);
        } catch (IllegalArgumentException e) {
            return new Answer(400, "proxy wants HOST:PORT/PATH, got '" + target + "'");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(502, "proxy to " + uri + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(502, "proxy to " + uri + " interrupted");
        }
    }
}
