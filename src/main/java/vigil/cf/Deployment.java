package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A deployment (strategy rolling or canary); CC reports progress in {@code status.value} (ACTIVE, FINALIZED) and
 * {@code status.reason} (DEPLOYING, PAUSED, CANCELING, DEPLOYED, ...).
 *
 * @param revision the revision it deploys ({@code guid}, {@code version}), null when the app has none
 */
public record Deployment(String guid, JsonNode status, String strategy, JsonNode droplet, JsonNode previousDroplet,
                         JsonNode revision) {

    public String statusValue() {
        return status.path("value").asText();
    }

    public String statusReason() {
        return status.path("reason").asText();
    }

    public String revisionGuid() {
        return revision == null || revision.isNull() ? null : revision.path("guid").asText(null);
    }

    public String dropletGuid() {
        return droplet == null ? null : droplet.path("guid").asText(null);
    }
}
