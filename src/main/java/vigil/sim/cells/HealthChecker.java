package vigil.sim.cells;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs one health check of an instance, as Diego's healthcheck binary does, and words failures as it
 * does. Checks connect to 127.0.0.1 only, never through a proxy the sim's JVM may be configured with.
 */
final class HealthChecker {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_INVOCATION_TIMEOUT = Duration.ofSeconds(1);
    /** Real CF checks a running instance every 30 s; a local CF notices a dead app sooner. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    /** The check as given, with CF's defaults where CC left something out. */
    record Settings(String type, String endpoint, Duration timeout, Duration invocationTimeout, Duration interval) {

        static Settings of(HealthCheck check) {
            if (check == null) {
                return new Settings("port", "/", DEFAULT_TIMEOUT, DEFAULT_INVOCATION_TIMEOUT, DEFAULT_INTERVAL);
            }
            String type = check.type() == null ? "port" : check.type().toLowerCase(Locale.ROOT);
            if (!type.equals("port") && !type.equals("http") && !type.equals("process")) {
                throw new IllegalArgumentException("health check type must be port, http or process, was " + check.type());
            }
            String endpoint = check.endpoint() == null || check.endpoint().isBlank() ? "/" : check.endpoint();
            return new Settings(type, endpoint.startsWith("/") ? endpoint : "/" + endpoint,
                    positiveOr(check.timeout(), DEFAULT_TIMEOUT),
                    positiveOr(check.invocationTimeout(), DEFAULT_INVOCATION_TIMEOUT),
                    positiveOr(check.interval(), DEFAULT_INTERVAL));
        }

        private static Duration positiveOr(Duration given, Duration fallback) {
            return given == null || given.isZero() || given.isNegative() ? fallback : given;
        }
    }

    /** Why the instance is not healthy, or empty when it is. */
    Optional<String> failure(Settings settings, int port, InstanceProcess process) {
        if (!process.isAlive()) {
            return Optional.of("process exited");
        }
        return switch (settings.type()) {
            case "process" -> Optional.empty();
            case "http" -> httpFailure(settings, port);
            default -> portFailure(settings, port);
        };
    }

    private static Optional<String> portFailure(Settings settings, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) settings.invocationTimeout().toMillis());
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.of("Failed to make TCP connection to port " + port + ": timed out after "
                    + GoDuration.format(settings.invocationTimeout()));
        } catch (IOException e) {
            return Optional.of("Failed to make TCP connection to port " + port + ": connection refused");
        }
    }

    private static Optional<String> httpFailure(Settings settings, int port) {
        String prefix = "Failed to make HTTP request to '" + settings.endpoint() + "' on port " + port + ": ";
        HttpURLConnection connection = null;
        try {
            URL url = new URL("http", "127.0.0.1", port, settings.endpoint());
            connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
            int millis = (int) settings.invocationTimeout().toMillis();
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            connection.setInstanceFollowRedirects(false);
            int status = connection.getResponseCode();
            return status == 200 ? Optional.empty() : Optional.of(prefix + "received status code " + status);
        } catch (SocketTimeoutException e) {
            return Optional.of(prefix + "timed out after " + GoDuration.format(settings.invocationTimeout()));
        } catch (IOException e) {
            return Optional.of(prefix + "connection refused");
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }
}
