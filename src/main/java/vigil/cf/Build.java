package vigil.cf;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** A staging of a package: STAGING, then STAGED with a droplet, or FAILED with an error. */
public record Build(String guid, String state, String error, @JsonProperty("droplet") JsonNode dropletRef) {

    /** The GUID of the droplet a STAGED build produced, or {@code null}. */
    public String dropletGuid() {
        return dropletRef == null || dropletRef.isNull() ? null : dropletRef.path("guid").asText(null);
    }
}
