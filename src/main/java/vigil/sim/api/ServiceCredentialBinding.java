package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import vigil.sim.http.JsonWriter;

/**
 * A credential binding: of type {@code app} (an app's binding, in its {@code VCAP_SERVICES}) or {@code key} (a
 * service key, no app). A binding to a user-provided instance holds its own copy of the instance's credentials
 * and syslog drain, which an update of the instance rewrites; one to a managed instance holds the broker's.
 *
 * @param name    null when the binding was created without one
 * @param appGuid null for a key
 */
record ServiceCredentialBinding(String guid, String name, String type, String appGuid, String serviceInstanceGuid,
                                ObjectNode credentials, String syslogDrainUrl, LastOperation lastOperation,
                                Instant createdAt, Instant updatedAt, Metadata metadata) implements CcResource {

    static final String APP = "app";
    static final String KEY = "key";

    ServiceCredentialBinding {
        credentials = credentials.deepCopy();
    }

    /** An app binding that exists at once (to a user-provided instance). */
    ServiceCredentialBinding(String guid, String name, String appGuid, String serviceInstanceGuid, ObjectNode credentials,
                             String syslogDrainUrl, Instant createdAt, Instant updatedAt, Metadata metadata) {
        this(guid, name, APP, appGuid, serviceInstanceGuid, credentials, syslogDrainUrl,
                LastOperation.succeeded("create", null, createdAt), createdAt, updatedAt, metadata);
    }

    /** A binding to a managed instance whose creation has just been asked of the broker. */
    static ServiceCredentialBinding creating(String guid, String name, String type, String appGuid, String instanceGuid,
                                             Instant now, Metadata metadata) {
        return new ServiceCredentialBinding(guid, name, type, appGuid, instanceGuid, JsonWriter.object(), null,
                LastOperation.started("create", now), now, now, metadata);
    }

    @Override
    public ObjectNode credentials() {
        return credentials.deepCopy();
    }

    boolean forApp(String app) {
        return app != null && app.equals(appGuid);
    }

    ServiceCredentialBinding withInstanceDetails(ObjectNode newCredentials, String newSyslogDrainUrl, Instant now) {
        return new ServiceCredentialBinding(guid, name, type, appGuid, serviceInstanceGuid, newCredentials,
                newSyslogDrainUrl, lastOperation, createdAt, now, metadata);
    }

    ServiceCredentialBinding withOperation(LastOperation operation, Instant now) {
        return new ServiceCredentialBinding(guid, name, type, appGuid, serviceInstanceGuid, credentials, syslogDrainUrl,
                operation, createdAt, now, metadata);
    }

    ServiceCredentialBinding withMetadata(Metadata newMetadata, Instant now) {
        return new ServiceCredentialBinding(guid, name, type, appGuid, serviceInstanceGuid, credentials, syslogDrainUrl,
                lastOperation, createdAt, now, newMetadata);
    }
}
