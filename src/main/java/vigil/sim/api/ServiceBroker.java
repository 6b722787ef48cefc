package vigil.sim.api;

import java.time.Instant;

/**
 * A registered service broker. The password is only ever sent to the broker, never presented.
 *
 * @param spaceGuid the space of a space-scoped broker, null for a global one (admins only)
 */
record ServiceBroker(String guid, String name, String url, String username, String password, String spaceGuid,
                     Instant createdAt, Instant updatedAt, Metadata metadata) implements CcResource {

    ServiceBroker updated(String newName, String newUrl, String newUsername, String newPassword, Metadata newMetadata,
                          Instant now) {
        return new ServiceBroker(guid, newName, newUrl, newUsername, newPassword, spaceGuid, createdAt, now, newMetadata);
    }

    BrokerEndpoint endpoint() {
        return new BrokerEndpoint(url, username, password);
    }
}
