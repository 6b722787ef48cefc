package vigil.cf;

import java.util.Map;

/** What an app (or the router in front of it) answered. */
public record AppResponse(int status, String body, Map<String, String> headers) {
    public AppResponse {
        headers = Map.copyOf(headers);
    }

    /** A response header, case-insensitive; {@code null} when absent. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
