package vigil.sim.router;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response the router gives itself instead of a backend's: its errors, its health check, and
 * (later) injected faults. Headers are single-valued, which is all the router ever sets.
 */
record RouterAnswer(int status, Map<String, String> headers, String body) {

    RouterAnswer {
        headers = Map.copyOf(headers);
    }

    byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
