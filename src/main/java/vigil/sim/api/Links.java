package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes CC's {@code links} entries: {@code {"href": url}}, with {@code method} for actions. */
final class Links {

    private final ObjectNode links;
    private final ApiUrlBuilder urls;

    private Links(ObjectNode links, ApiUrlBuilder urls) {
        this.links = links;
        this.urls = urls;
    }

    /** Starts the {@code links} object of a resource document, after the fields already put. */
    static Links of(ObjectNode resource, ApiUrlBuilder urls) {
        return new Links(resource.putObject("links"), urls);
    }

    Links add(String name, String path) {
        links.putObject(name).put("href", urls.url(path));
        return this;
    }

    /** The links object itself, for entries that are not plain paths (hrefs with a query). */
    ObjectNode links() {
        return links;
    }

    Links add(String name, String path, String method) {
        links.putObject(name).put("href", urls.url(path)).put("method", method);
        return this;
    }
}
