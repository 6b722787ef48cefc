package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A service offering from a broker's catalog ({@code services[]}), kept as the catalog described it.
 *
 * @param catalogId the broker's {@code id}, sent back to it as {@code service_id}
 * @param catalogMetadata the catalog's {@code metadata} object ({@code shareable} lives there)
 */
record ServiceOffering(String guid, String name, String description, String catalogId, String brokerGuid,
                       boolean bindable, boolean planUpdateable, boolean instancesRetrievable, boolean bindingsRetrievable,
                       List<String> tags, List<String> requires, ObjectNode catalogMetadata, String documentationUrl,
                       Instant createdAt, Instant updatedAt) implements CcResource {

    ServiceOffering {
        tags = List.copyOf(tags);
        requires = List.copyOf(requires);
        catalogMetadata = catalogMetadata.deepCopy();
    }

    @Override
    public ObjectNode catalogMetadata() {
        return catalogMetadata.deepCopy();
    }

    @Override
    public Metadata metadata() {
        return Metadata.EMPTY;
    }

    boolean shareable() {
        return catalogMetadata.path("shareable").asBoolean(false);
    }
}
