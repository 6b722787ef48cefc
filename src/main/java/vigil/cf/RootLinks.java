package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;

/**
 * What {@code GET /} of a CF API says about where things are.
 *
 * @param v3Version the CC v3 API version from {@code links.cloud_controller_v3.meta.version}, e.g. "3.180.0"
 * @param logStream the RLP gateway ({@code links.log_stream}), where app logs stream as server-sent events
 */
public record RootLinks(URI login, URI uaa, URI cloudControllerV3, String v3Version, Optional<URI> logCache,
                        Optional<URI> logStream) {

    static RootLinks from(JsonNode root, String request) {
        JsonNode links = root.path("links");
        return new RootLinks(
                required(links, "login", request),
                required(links, "uaa", request),
                required(links, "cloud_controller_v3", request),
                links.path("cloud_controller_v3").path("meta").path("version").asText(""),
                optional(links, "log_cache"),
                optional(links, "log_stream"));
    }

    private static URI required(JsonNode links, String name, String request) {
        return optional(links, name).orElseThrow(() -> new IllegalStateException(
                request + " has no links." + name + ".href: is this a Cloud Foundry API?"));
    }

    private static Optional<URI> optional(JsonNode links, String name) {
        String href = links.path(name).path("href").asText("");
        return href.isEmpty() ? Optional.empty() : Optional.of(URI.create(href));
    }
}
