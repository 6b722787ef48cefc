package vigil.sim.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/** One listening socket and its accept loop; each accepted connection is handed on, on a thread of its own. */
final class Listener implements AutoCloseable {

    private final ServerSocket socket;
    private final Instant opened;

    private Listener(ServerSocket socket, Instant opened) {
        this.socket = socket;
        this.opened = opened;
    }

    /** Binds {@code address} and starts accepting on one of {@code threads}. */
    static Listener open(InetSocketAddress address, ExecutorService threads, Consumer<Socket> onAccept)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(address, 50);
            Listener listener = new Listener(socket, Instant.now());
            threads.execute(() -> listener.accept(threads, onAccept));
            return listener;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    Instant opened() {
        return opened;
    }

    private void accept(ExecutorService threads, Consumer<Socket> onAccept) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                continue;
            }
            try {
                client.setTcpNoDelay(true);
                threads.execute(() -> onAccept.accept(client));
            } catch (IOException | RejectedExecutionException e) {
                Splices.quietly(client);
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The accept loop ends either way.
        }
    }
}
