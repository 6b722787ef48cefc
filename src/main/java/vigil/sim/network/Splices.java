package vigil.sim.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import vigil.sim.cells.InstanceStatus;

/**
 * Joins an accepted connection to one opened to an app instance: bytes flow both ways as they come, an end of
 * stream on one side is passed on as a half-close (so a client that sends and then shuts its output still
 * gets its answer), and once both directions are done, or either fails, both sockets close. Every joined
 * socket is tracked so that {@link #closeAll()} ends them when the sim stops.
 */
final class Splices {

    private static final int BUFFER = 16 * 1024;

    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    Splices(ExecutorService threads) {
        this.threads = threads;
    }

    /**
     * Connects to the chosen instance and joins the client to it; with no instance, or one that does not take
     * the connection within {@code timeout}, the client is reset, as a router with no healthy backend does.
     *
     * @param oneAnswer a test fault: close both after the first bytes from the backend reach the client
     */
    void forward(Socket client, Optional<InstanceStatus> instance, Duration timeout, boolean oneAnswer) {
        if (instance.isEmpty()) {
            reset(client);
            return;
        }
        Socket backend = new Socket();
        try {
            backend.connect(new InetSocketAddress(instance.get().host(), instance.get().port()), (int) timeout.toMillis());
            backend.setTcpNoDelay(true);
        } catch (IOException unreachable) {
            quietly(backend);
            reset(client);
            return;
        }
        join(client, backend, oneAnswer);
    }

    /** @param oneAnswer a test fault: close both after the first bytes from the backend reach the client */
    void join(Socket client, Socket backend, boolean oneAnswer) {
        open.add(client);
        open.add(backend);
        AtomicInteger directionsLeft = new AtomicInteger(2);
        try {
            threads.execute(() -> pump(client, backend, directionsLeft, false));
            threads.execute(() -> pump(backend, client, directionsLeft, oneAnswer));
        } catch (RejectedExecutionException stopping) {
            close(client, backend);
        }
    }

    void closeAll() {
        open.forEach(Splices::quietly);
        open.clear();
    }

    private void pump(Socket from, Socket to, AtomicInteger directionsLeft, boolean onlyOnce) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
                if (onlyOnce) {
                    close(from, to);
                    return;
                }
            }
            to.shutdownOutput();
            if (directionsLeft.decrementAndGet() == 0) {
                close(from, to);
            }
        } catch (IOException e) {
            // A reset or a closed socket on either side ends the whole connection, as a proxy's would.
            close(from, to);
        }
    }

    private void close(Socket first, Socket second) {
        quietly(first);
        quietly(second);
        open.remove(first);
        open.remove(second);
    }

    static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do with it.
        }
    }

    /** Refuses an accepted connection as a dropped one shows: a reset, not an orderly end. */
    static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // Closed already: nothing to reset.
        }
        quietly(socket);
    }
}
