package vigil.cf;

/** A route: host (and path) in a domain, e.g. url {@code myapp.apps.example.com/api}. */
public record Route(String guid, String host, String path, String url, String createdAt) {
}
