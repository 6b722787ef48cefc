package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * @param environmentVariables the user's variables, in the order given (a private copy)
 * @param dropletGuid          the current droplet, or null
 */
record App(String guid, String name, String spaceGuid, String state, ObjectNode environmentVariables,
           List<String> buildpacks, String stack, String dropletGuid, Instant createdAt, Instant updatedAt,
           Metadata metadata) implements CcResource {

    static final String STARTED = "STARTED";
    static final String STOPPED = "STOPPED";

    App {
        environmentVariables = environmentVariables.deepCopy();
        buildpacks = List.copyOf(buildpacks);
    }

    @Override
    public ObjectNode environmentVariables() {
        return environmentVariables.deepCopy();
    }

    boolean started() {
        return STARTED.equals(state);
    }

    App withState(String newState, Instant now) {
        return new App(guid, name, spaceGuid, newState, environmentVariables, buildpacks, stack, dropletGuid,
                createdAt, now, metadata);
    }

    App withDroplet(String newDropletGuid, Instant now) {
        return new App(guid, name, spaceGuid, state, environmentVariables, buildpacks, stack, newDropletGuid,
                createdAt, now, metadata);
    }

    App withEnvironment(ObjectNode variables, Instant now) {
        return new App(guid, name, spaceGuid, state, variables, buildpacks, stack, dropletGuid, createdAt, now,
                metadata);
    }

    App updated(String newName, List<String> newBuildpacks, String newStack, Metadata newMetadata, Instant now) {
        return new App(guid, newName, spaceGuid, state, environmentVariables, newBuildpacks, newStack, dropletGuid,
                createdAt, now, newMetadata);
    }
}
