package vigil.sim.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Locale;

/**
 * Answers a request that asks for {@code Connection: close} with {@code Connection: close}, as RFC 9112 section 9.6
 * says a server should and gorouter (Go's net/http) does. The JDK's HttpServer closes such a connection after the
 * response without saying so, and a client then may pick the closing connection from its pool for its next request
 * (Vigil's fresh-connection probes would count that as {@code connection_closed}).
 */
public final class ConnectionCloseEcho extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String connection = exchange.getRequestHeaders().getFirst("Connection");
        if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "answers Connection: close with Connection: close";
    }
}
