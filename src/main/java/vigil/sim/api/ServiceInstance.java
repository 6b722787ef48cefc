package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A user-provided service instance (the sim has no service brokers, so no managed ones).
 *
 * @param credentials        what bound apps find in {@code VCAP_SERVICES}; never shown in the instance itself
 * @param lastOperationType  {@code create} or {@code update}, which always succeed at once for user-provided instances
 */
record ServiceInstance(String guid, String name, String spaceGuid, ObjectNode credentials, String syslogDrainUrl,
                       String routeServiceUrl, List<String> tags, String lastOperationType, Instant createdAt,
                       Instant updatedAt, Metadata metadata) implements CcResource {

    static final String USER_PROVIDED = "user-provided";

    ServiceInstance {
        credentials = credentials.deepCopy();
        tags = List.copyOf(tags);
    }

    @Override
    public ObjectNode credentials() {
        return credentials.deepCopy();
    }

    ServiceInstance updated(String newName, ObjectNode newCredentials, String newSyslogDrainUrl, String newRouteServiceUrl,
                            List<String> newTags, Metadata newMetadata, Instant now) {
        return new ServiceInstance(guid, newName, spaceGuid, newCredentials, newSyslogDrainUrl, newRouteServiceUrl, newTags,
                "update", createdAt, now, newMetadata);
    }
}
