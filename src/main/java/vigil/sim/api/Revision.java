package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A revision of an app: what its processes run (droplet, environment variables, commands and sidecars), made
 * when that changes and the app starts or is deployed, as CC's RevisionResolver makes them.
 *
 * @param version     1, 2, 3, ... per app
 * @param commands    the command of each process type at this revision (null where the droplet's is used)
 * @param description why it was made, e.g. "New droplet deployed." or "Rolled back to revision 1."
 */
record Revision(String guid, String appGuid, int version, String dropletGuid, ObjectNode environmentVariables,
                Map<String, String> commands, List<Sidecar> sidecars, String description, Instant createdAt,
                Instant updatedAt, Metadata metadata) implements CcResource {

    Revision {
        environmentVariables = environmentVariables.deepCopy();
        commands = Collections.unmodifiableMap(new LinkedHashMap<>(commands));
        sidecars = List.copyOf(sidecars);
    }

    @Override
    public ObjectNode environmentVariables() {
        return environmentVariables.deepCopy();
    }

    Revision withMetadata(Metadata newMetadata, Instant now) {
        return new Revision(guid, appGuid, version, dropletGuid, environmentVariables, commands, sidecars, description,
                createdAt, now, newMetadata);
    }
}
