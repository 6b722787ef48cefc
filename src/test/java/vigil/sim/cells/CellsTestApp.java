package vigil.sim.cells;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app the cells tests run, packed into a JAR at test time by {@link TestAppJar}. JDK only, and
 * a single class (lambdas only) so that copying its one .class file into the JAR is enough.
 * {@code HEALTH_STATUS} sets what {@code /health} answers (200 unless set); {@code /health/fail} makes it 503.
 */
public final class CellsTestApp {

    private CellsTestApp() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("PORT"));
        AtomicInteger healthStatus = new AtomicInteger(Integer.parseInt(System.getenv().getOrDefault("HEALTH_STATUS", "200")));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", exchange -> answer(exchange, 200,
                "index=" + System.getenv("CF_INSTANCE_INDEX") + " guid=" + System.getenv("CF_INSTANCE_GUID")));
        server.createContext("/health", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/health/fail")) {
                healthStatus.set(503);
            }
            answer(exchange, healthStatus.get(), "health " + healthStatus.get());
        });
        server.createContext("/env-names", exchange ->
                answer(exchange, 200, String.join("\n", new TreeSet<>(System.getenv().keySet()))));
        server.createContext("/env/", exchange -> {
            String value = System.getenv(exchange.getRequestURI().getPath().substring("/env/".length()));
            answer(exchange, value == null ? 404 : 200, value == null ? "" : value);
        });
        server.createContext("/crash", exchange -> {
            answer(exchange, 200, "crashing");
            System.err.println("crashing on request");
            System.exit(1);
        });
        server.start();
        System.out.println("test app listening on port " + port);
        System.err.println("test app stderr works");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
