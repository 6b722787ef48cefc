package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vigil.sim.http.JsonWriter;

/**
 * A broker's {@code GET /v2/catalog} turned into offerings and plans, as CC's catalog synchronization does:
 * checked first (every service and plan has an {@code id} and a {@code name}, a service has plans, service ids
 * are unique among all brokers), then stored, replacing what the broker offered before (kept guids for ids
 * that stay, so instances keep their plan).
 */
final class BrokerCatalog {

    private final CcRepositories store;

    BrokerCatalog(CcRepositories store) {
        this.store = store;
    }

    void importFor(ServiceBroker broker, JsonNode catalog, boolean plansPublic) {
        List<String> problems = new ArrayList<>();
        JsonNode services = catalog.path("services");
        if (!services.isArray() || services.isEmpty()) {
            throw CcError.SERVICE_BROKER_CATALOG_INVALID.raise("Service broker must provide at least one service");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode service : services) {
            String id = text(service, "id");
            if (id == null || text(service, "name") == null) {
                problems.add("Service id and name are required");
            } else if (!ids.add(id) || store.serviceOfferings.any(other -> other.catalogId().equals(id)
                    && !other.brokerGuid().equals(broker.guid()))) {
                problems.add("Service ids must be unique: " + id);
            }
            if (!service.path("plans").isArray() || service.path("plans").isEmpty()) {
                problems.add("Service " + text(service, "name") + " must have at least one plan");
            }
            service.path("plans").forEach(plan -> {
                if (text(plan, "id") == null || text(plan, "name") == null) {
                    problems.add("Plan id and name are required");
                }
            });
        }
        if (!problems.isEmpty()) {
            throw CcError.SERVICE_BROKER_CATALOG_INVALID.raise(String.join("; ", problems));
        }
        Instant now = store.now();
        List<String> keptOfferings = new ArrayList<>();
        List<String> keptPlans = new ArrayList<>();
        for (JsonNode service : services) {
            String id = text(service, "id");
            String offeringGuid = store.serviceOfferings.where(o -> o.brokerGuid().equals(broker.guid())
                    && o.catalogId().equals(id)).stream().map(ServiceOffering::guid).findFirst()
                    .orElseGet(CcRepositories::newGuid);
            boolean bindable = service.path("bindable").asBoolean(false);
            store.serviceOfferings.remove(offeringGuid);
            store.serviceOfferings.add(new ServiceOffering(offeringGuid, text(service, "name"),
                    service.path("description").asText(""), id, broker.guid(), bindable,
                    service.path("plan_updateable").asBoolean(false), service.path("instances_retrievable").asBoolean(false),
                    service.path("bindings_retrievable").asBoolean(false), strings(service.path("tags")),
                    strings(service.path("requires")), object(service.path("metadata")),
                    service.path("metadata").path("documentationUrl").asText(null), now, now));
            keptOfferings.add(offeringGuid);
            for (JsonNode plan : service.path("plans")) {
                String planId = text(plan, "id");
                String planGuid = store.servicePlans.where(p -> p.offeringGuid().equals(offeringGuid)
                        && p.catalogId().equals(planId)).stream().map(ServicePlan::guid).findFirst()
                        .orElseGet(CcRepositories::newGuid);
                store.servicePlans.remove(planGuid);
                store.servicePlans.add(new ServicePlan(planGuid, text(plan, "name"), plan.path("description").asText(""),
                        planId, offeringGuid, plan.path("free").asBoolean(true), plan.path("bindable").asBoolean(bindable),
                        object(plan.path("metadata")), broker.spaceGuid() != null && !plansPublic ? "space"
                                : plansPublic ? "public" : "admin", now, now));
                keptPlans.add(planGuid);
            }
        }
        store.servicePlans.where(plan -> keptOfferings.contains(plan.offeringGuid()) && !keptPlans.contains(plan.guid()))
                .forEach(plan -> store.servicePlans.remove(plan.guid()));
        store.serviceOfferings.where(o -> o.brokerGuid().equals(broker.guid()) && !keptOfferings.contains(o.guid()))
                .forEach(this::removeOffering);
    }

    /** Removes everything the broker offers. */
    void removeFor(String brokerGuid) {
        store.serviceOfferings.where(o -> o.brokerGuid().equals(brokerGuid)).forEach(this::removeOffering);
    }

    private void removeOffering(ServiceOffering offering) {
        store.servicePlans.where(plan -> plan.offeringGuid().equals(offering.guid()))
                .forEach(plan -> store.servicePlans.remove(plan.guid()));
        store.serviceOfferings.remove(offering.guid());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static ObjectNode object(JsonNode node) {
        return node instanceof ObjectNode object ? object : JsonWriter.object();
    }
}
