package vigil.sim.logcache;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Predicate;
import vigil.sim.cells.AppRuntime;
import vigil.sim.http.LoopbackServer;
import vigil.sim.http.Transport;

/**
 * The embedded CF's log-cache, on its own port as in real CF ({@code log-cache.<system domain>}): serves
 * {@code GET /api/v1/read/:source_id} from the lines the cells kept of each app.
 */
public final class LogCache implements AutoCloseable {
    private final LoopbackServer server;

    private LogCache(LoopbackServer server) {
        this.server = server;
    }

    /** @param authorized whether an {@code Authorization} header carries a token the CC accepts */
    public static LogCache start(int port, AppRuntime runtime, Predicate<Optional<String>> authorized)
            throws IOException {
        return start(port, runtime, authorized, Transport.PLAIN);
    }

    /** As above, serving HTTPS when the transport says so. */
    public static LogCache start(int port, AppRuntime runtime, Predicate<Optional<String>> authorized,
                                 Transport transport) throws IOException {
        LoopbackServer server = LoopbackServer.bind(port, "log-cache", transport);
        server.serve(new ReadEndpoint(runtime, authorized));
        return new LogCache(server);
    }

    public URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
    }
}
