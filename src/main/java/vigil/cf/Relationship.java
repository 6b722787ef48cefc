package vigil.cf;

import java.util.Map;

/** CC's to-one relationship body: {@code {"data": {"guid": "..."}}}. */
final class Relationship {
    private Relationship() {
    }

    static Map<String, Object> to(String guid) {
        return Map.of("data", Map.of("guid", guid));
    }
}
