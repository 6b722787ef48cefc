package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A revision of an app: the droplet (and environment, commands, sidecars) its processes ran.
 *
 * @param description why CC made it, e.g. "Initial revision." or "Rolled back to revision 1."
 */
public record Revision(String guid, int version, String description, JsonNode droplet, boolean deployable) {

    public String dropletGuid() {
        return droplet == null ? null : droplet.path("guid").asText(null);
    }
}
