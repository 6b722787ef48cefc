package vigil.sim.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete HTTP response. Bodies are small JSON documents in this slice, so they are held in
 * memory; headers keep insertion order so responses are reproducible byte for byte.
 */
public record Response(int status, Map<String, String> headers, byte[] body) {

    public Response {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** A JSON body, serialised by {@link JsonWriter}, with the given content type. */
    public static Response json(int status, String contentType, Object body) {
        return new Response(status, Map.of("Content-Type", contentType), JsonWriter.write(body));
    }

    public static Response empty(int status) {
        return new Response(status, Map.of(), new byte[0]);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
