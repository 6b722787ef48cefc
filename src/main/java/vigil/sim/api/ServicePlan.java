package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A plan of a service offering, from the broker's catalog.
 *
 * @param catalogId      the broker's {@code id}, sent back to it as {@code plan_id}
 * @param bindable       the plan's own {@code bindable}, or the offering's when the plan leaves it out
 * @param visibilityType {@code space} for the plans of a space-scoped broker; {@code admin} until an admin
 *                       makes a global broker's plan public (the sim offers no visibility changes)
 */
record ServicePlan(String guid, String name, String description, String catalogId, String offeringGuid, boolean free,
                   boolean bindable, ObjectNode catalogMetadata, String visibilityType, Instant createdAt,
                   Instant updatedAt) implements CcResource {

    ServicePlan {
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
}
