package vigil.availability;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Availability of a TCP route: each check opens a new connection to the TCP router's address and the route's
 * port, sends {@code instance?} and reads one line back (the test app's TCP mode answers with its instance id,
 * which the samples record as the answering instance). A refused, reset or closed connection, or no answer
 * within the probe's timeout, is a failure named {@code tcp_refused}, {@code tcp_reset}, {@code tcp_closed} or
 * {@code tcp_timeout}.
 */
public final class TcpProbe implements Probe {
    static final String QUESTION = "instance?";

    private final ProbeSpec spec;
    private final String host;
    private final int port;
    private final Executor connections;

    /** @param connections where the blocking socket work runs ({@link #fire} returns at once) */
    public TcpProbe(ProbeSpec spec, String host, int port, Executor connections) {
        this.spec = spec;
        this.host = host;
        this.port = port;
        this.connections = connections;
    }

    @Override
    public ProbeSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ProbeOutcome> fire(Instant scheduled) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ProbeOutcome.success(null, TcpExchange.roundTrip(host, port, QUESTION, spec.timeout()));
            } catch (IOException e) {
                return ProbeOutcome.failure(null, TcpExchange.failureKind(e), null);
            }
        }, connections);
    }
}
