package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** User-provided service instances ({@code /v3/service_instances}) and app bindings ({@code /v3/service_credential_bindings}). */
public final class Services {
    private final CfClient cf;

    Services(CfClient cf) {
        this.cf = cf;
    }

    /** Creates a user-provided service instance; returns its GUID. */
    public String createUserProvided(String name, String spaceGuid, Map<String, String> credentials) {
        return cf.post("/v3/service_instances", Map.of("type", "user-provided", "name", name,
                "credentials", credentials, "relationships", Map.of("space", Relationship.to(spaceGuid))),
                JsonNode.class).path("guid").asText();
    }

    /** Binds the instance to the app; returns the binding's GUID. */
    public String bind(String serviceInstanceGuid, String appGuid) {
        return cf.post("/v3/service_credential_bindings", Map.of("type", "app", "relationships", Map.of(
                "service_instance", Relationship.to(serviceInstanceGuid), "app", Relationship.to(appGuid))),
                JsonNode.class).path("guid").asText();
    }

    public void unbind(String bindingGuid) {
        cf.sendAndAwaitJob("DELETE", "/v3/service_credential_bindings/" + bindingGuid, null);
    }

    public void delete(String serviceInstanceGuid) {
        cf.sendAndAwaitJob("DELETE", "/v3/service_instances/" + serviceInstanceGuid, null);
    }

    /**
     * Creates a user-provided service instance that drains bound apps' logs to {@code syslogDrainUrl}
     * ({@code cf cups NAME -l URL}); returns its GUID.
     */
    public String createSyslogDrain(String name, String spaceGuid, String syslogDrainUrl) {
        return cf.post("/v3/service_instances", Map.of("type", "user-provided", "name", name,
                "syslog_drain_url", syslogDrainUrl, "relationships", Map.of("space", Relationship.to(spaceGuid))),
                JsonNode.class).path("guid").asText();
    }
}
