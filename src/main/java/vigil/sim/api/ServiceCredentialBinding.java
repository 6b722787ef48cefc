package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An app binding to a user-provided service instance. As in CC, it holds its own copy of the
 * instance's credentials and syslog drain, which an update of the instance rewrites.
 *
 * @param name null when the binding was created without one
 */
record ServiceCredentialBinding(String guid, String name, String appGuid, String serviceInstanceGuid,
                                ObjectNode credentials, String syslogDrainUrl, Instant createdAt, Instant updatedAt,
                                Metadata metadata) implements CcResource {

    static final String APP = "app";

    ServiceCredentialBinding {
        credentials = credentials.deepCopy();
    }

    @Override
    public ObjectNode credentials() {
        return credentials.deepCopy();
    }

    ServiceCredentialBinding withInstanceDetails(ObjectNode newCredentials, String newSyslogDrainUrl, Instant now) {
        return new ServiceCredentialBinding(guid, name, appGuid, serviceInstanceGuid, newCredentials, newSyslogDrainUrl,
                createdAt, now, metadata);
    }

    ServiceCredentialBinding withMetadata(Metadata newMetadata, Instant now) {
        return new ServiceCredentialBinding(guid, name, appGuid, serviceInstanceGuid, credentials, syslogDrainUrl,
                createdAt, now, newMetadata);
    }
}
