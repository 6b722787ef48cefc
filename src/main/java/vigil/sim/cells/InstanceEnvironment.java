package vigil.sim.cells;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The complete environment of one instance, as Diego gives a container: the app's environment from CC
 * plus the per-instance variables. Nothing is inherited from the sim's own process, whose environment
 * may hold CF passwords; only {@code PATH} is passed on, so that {@code sh -c} commands find their tools.
 */
final class InstanceEnvironment {

    static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InstanceEnvironment() {
    }

    static Map<String, String> of(DesiredProcess process, int index, String instanceGuid, int port, Path home,
                                  Path tmp, String path) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", path == null || path.isBlank() ? DEFAULT_PATH : path);
        env.putAll(process.environment());
        env.put("PORT", Integer.toString(port));
        env.put("CF_INSTANCE_INDEX", Integer.toString(index));
        env.put("CF_INSTANCE_GUID", instanceGuid);
        env.put("CF_INSTANCE_PORT", Integer.toString(port));
        env.put("CF_INSTANCE_IP", "127.0.0.1");
        env.put("CF_INSTANCE_ADDR", "127.0.0.1:" + port);
        env.put("INSTANCE_INDEX", Integer.toString(index));
        env.put("INSTANCE_GUID", instanceGuid);
        env.put("MEMORY_LIMIT", memoryMb(process) + "m");
        env.put("HOME", home.toString());
        env.put("TMPDIR", tmp.toString());
        env.put("VCAP_APPLICATION", vcapApplication(process.environment().get("VCAP_APPLICATION"), index,
                instanceGuid, port));
        return env;
    }

    /** CF's default memory quota for an app that does not say. */
    static int memoryMb(DesiredProcess process) {
        return process.memoryMb() > 0 ? process.memoryMb() : 1024;
    }

    /** CC's VCAP_APPLICATION with the fields only the cell knows, merged as JSON so CC's fields stay intact. */
    static String vcapApplication(String fromCc, int index, String instanceGuid, int port) {
        ObjectNode vcap = JSON.createObjectNode();
        if (fromCc != null && !fromCc.isBlank()) {
            try {
                JsonNode given = JSON.readTree(fromCc);
                if (!(given instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("VCAP_APPLICATION must be a JSON object, was: " + fromCc);
                }
                vcap = object;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("VCAP_APPLICATION is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        vcap.put("instance_index", index);
        vcap.put("instance_id", instanceGuid);
        vcap.put("host", "0.0.0.0");
        vcap.put("port", port);
        return vcap.toString();
    }
}
