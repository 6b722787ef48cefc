package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vigil.sim.http.JsonWriter;

/**
 * A service instance: user-provided (its credentials are given by the user) or managed (provisioned by a
 * broker for a plan; its bindings get their credentials from the broker).
 *
 * @param credentials       user-provided: what bound apps find in {@code VCAP_SERVICES}; never shown in the instance
 * @param type              {@code user-provided} or {@code managed}
 * @param servicePlanGuid   managed: the plan provisioned; null for user-provided
 * @param lastOperation     what was last done to the instance and how it went
 * @param brokerOperation   managed: the {@code operation} the broker gave with a 202, sent back when polling
 * @param sharedSpaceGuids  managed: the spaces the instance is shared to
 */
record ServiceInstance(String guid, String name, String spaceGuid, ObjectNode credentials, String syslogDrainUrl,
                       String routeServiceUrl, List<String> tags, String type, String servicePlanGuid,
                       LastOperation lastOperation, String brokerOperation, String dashboardUrl,
                       List<String> sharedSpaceGuids, Instant createdAt, Instant updatedAt, Metadata metadata)
        implements CcResource {

    static final String USER_PROVIDED = "user-provided";
    static final String MANAGED = "managed";

    ServiceInstance {
        credentials = credentials.deepCopy();
        tags = List.copyOf(tags);
        sharedSpaceGuids = List.copyOf(sharedSpaceGuids);
    }

    /** A user-provided instance, whose operations complete at once. */
    ServiceInstance(String guid, String name, String spaceGuid, ObjectNode credentials, String syslogDrainUrl,
                    String routeServiceUrl, List<String> tags, String lastOperationType, Instant createdAt,
                    Instant updatedAt, Metadata metadata) {
        this(guid, name, spaceGuid, credentials, syslogDrainUrl, routeServiceUrl, tags, USER_PROVIDED, null,
                LastOperation.succeeded(lastOperationType, "Operation succeeded", updatedAt), null, null, List.of(),
                createdAt, updatedAt, metadata);
    }

    /** A managed instance whose provisioning has just been asked for. */
    static ServiceInstance provisioning(String guid, String name, String spaceGuid, String planGuid, List<String> tags,
                                        Instant now, Metadata metadata) {
        return new ServiceInstance(guid, name, spaceGuid, JsonWriter.object(), null, null, tags, MANAGED, planGuid,
                LastOperation.started("create", now), null, null, List.of(), now, now, metadata);
    }

    @Override
    public ObjectNode credentials() {
        return credentials.deepCopy();
    }

    boolean managed() {
        return MANAGED.equals(type);
    }

    /** Whether an app or route in this space may use the instance: its own space or one it is shared to. */
    boolean availableIn(String space) {
        return spaceGuid.equals(space) || sharedSpaceGuids.contains(space);
    }

    ServiceInstance updated(String newName, ObjectNode newCredentials, String newSyslogDrainUrl, String newRouteServiceUrl,
                            List<String> newTags, Metadata newMetadata, Instant now) {
        return new ServiceInstance(guid, newName, spaceGuid, newCredentials, newSyslogDrainUrl, newRouteServiceUrl, newTags,
                type, servicePlanGuid, managed() ? lastOperation : LastOperation.succeeded("update", "Operation succeeded", now),
                brokerOperation, dashboardUrl, sharedSpaceGuids, createdAt, now, newMetadata);
    }

    ServiceInstance withOperation(LastOperation operation, String newBrokerOperation, Instant now) {
        return new ServiceInstance(guid, name, spaceGuid, credentials, syslogDrainUrl, routeServiceUrl, tags, type,
                servicePlanGuid, operation, newBrokerOperation, dashboardUrl, sharedSpaceGuids, createdAt, now, metadata);
    }

    ServiceInstance withDashboardUrl(String url) {
        return new ServiceInstance(guid, name, spaceGuid, credentials, syslogDrainUrl, routeServiceUrl, tags, type,
                servicePlanGuid, lastOperation, brokerOperation, url, sharedSpaceGuids, createdAt, updatedAt, metadata);
    }

    ServiceInstance sharedTo(List<String> spaces, Instant now) {
        List<String> all = new ArrayList<>(sharedSpaceGuids);
        spaces.stream().filter(space -> !all.contains(space)).forEach(all::add);
        return new ServiceInstance(guid, name, spaceGuid, credentials, syslogDrainUrl, routeServiceUrl, tags, type,
                servicePlanGuid, lastOperation, brokerOperation, dashboardUrl, all, createdAt, now, metadata);
    }

    ServiceInstance unsharedFrom(String space, Instant now) {
        List<String> rest = sharedSpaceGuids.stream().filter(shared -> !shared.equals(space)).toList();
        return new ServiceInstance(guid, name, spaceGuid, credentials, syslogDrainUrl, routeServiceUrl, tags, type,
                servicePlanGuid, lastOperation, brokerOperation, dashboardUrl, rest, createdAt, now, metadata);
    }
}
