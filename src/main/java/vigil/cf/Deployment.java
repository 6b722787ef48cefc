package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;

/** A rolling deployment; CC reports progress in {@code status.value} (ACTIVE, FINALIZED) and {@code status.reason}. */
public record Deployment(String guid, JsonNode status, JsonNode droplet, JsonNode previousDroplet) {

    public String statusValue() {
        return status.path("value").asText();
    }

    public String statusReason() {
        return status.path("reason").asText();
    }

    public String dropletGuid() {
        return droplet == null ? null : droplet.path("guid").asText(null);
    }
}
