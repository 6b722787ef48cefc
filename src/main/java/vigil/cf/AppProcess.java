package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A process of an app (the web process has the app's GUID).
 *
 * @param healthCheck CC's {@code health_check} ({@code type} and {@code data})
 */
public record AppProcess(String guid, String type, int instances, int memoryInMb, String command,
                         JsonNode healthCheck) {

    public String healthCheckType() {
        return healthCheck == null ? null : healthCheck.path("type").asText(null);
    }
}
