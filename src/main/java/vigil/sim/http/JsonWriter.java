package vigil.sim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one place that turns response documents into JSON bytes. Presenters build
 * {@link ObjectNode}s, which keep insertion order, so field order matches CF's.
 */
public final class JsonWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonWriter() {
    }

    /** A new, empty, insertion-ordered JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static byte[] write(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + document.getClass().getName(), e);
        }
    }
}
