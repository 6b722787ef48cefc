package vigil.availability;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The control probe's target: a loopback endpoint Vigil serves for the length of a measurement, answering
 * {@code 204} at once. Nothing between the probe and it can fail but the instrument itself, so its failures and
 * late answers mark the windows in which the instrument, not the target, is to blame (see {@link ControlGate}).
 */
final class ControlEndpoint implements AutoCloseable {
    static final String PATH = "/vigil-control";

    private final HttpServer server;

    private ControlEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Serves on 127.0.0.1 on a free port until {@link #close}. */
    static ControlEndpoint start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext(PATH, exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Cache-Control", "no-store");
                exchange.sendResponseHeaders(204, -1);
            }
        });
        // The handler runs on the server's own dispatcher thread: one thread, no pool to size.
        server.start();
        return new ControlEndpoint(server);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
