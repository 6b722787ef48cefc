package vigil.testapp.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The test app's TCP mode ({@code VIGIL_TCP_ECHO=true}), for TCP routes: a line protocol on {@code PORT} with no
 * HTTP at all. Every line is sent back as it came, except the line {@code instance?}, answered with the
 * instance's id, so that a client can tell which instance a TCP router chose. Health checks of type
 * {@code port} (CF's default) see it listening.
 */
final class TcpEcho implements AutoCloseable {

    static final String ENABLED_BY = "VIGIL_TCP_ECHO";
    static final String INSTANCE_QUESTION = "instance?";

    private final ServerSocket server;
    private final AppEnvironment environment;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "vigil-testapp-tcp");
        thread.setDaemon(true);
        return thread;
    });

    private TcpEcho(ServerSocket server, AppEnvironment environment) {
        this.server = server;
        this.environment = environment;
    }

    static TcpEcho listen(AppEnvironment environment, PrintStream out) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("0.0.0.0", environment.port()));
        out.println("vigil-testapp echoing TCP on port " + server.getLocalPort()
                + " (instance " + environment.instanceIndex() + ")");
        return new TcpEcho(server, environment);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Accepts until closed; each connection on a thread of its own. */
    void serve() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.execute(() -> echo(client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void echo(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = client.getOutputStream();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String answer = line.equals(INSTANCE_QUESTION) ? environment.instanceId() : line;
                out.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException clientGone) {
            // The client hung up: nothing left to answer.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Stopping anyway.
        }
        connections.shutdownNow();
    }
}
