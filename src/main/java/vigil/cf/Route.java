package vigil.cf;

/**
 * A route: host (and path) in a domain, e.g. url {@code myapp.apps.example.com/api}; or, in a TCP domain, a port
 * ({@code port}, url {@code tcp.example.com:1030}), which is null for HTTP routes.
 */
public record Route(String guid, String host, String path, String url, String createdAt, Integer port) {
}
