package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/** {@code /v3/service_offerings} (list, get) and {@code /v3/service_plans} (list, get, {@code /visibility}). */
final class ServiceOfferingsEndpoint {

    private static final List<String> OFFERING_FILTERS = List.of("names", "available", "service_broker_guids",
            "service_broker_names", "space_guids", "organization_guids", "label_selector", "fields");
    private static final List<String> PLAN_FILTERS = List.of("names", "available", "broker_catalog_ids", "space_guids",
            "organization_guids", "service_broker_guids", "service_broker_names", "service_offering_guids",
            "service_offering_names", "service_instance_guids", "include", "label_selector", "fields");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;

    ServiceOfferingsEndpoint(ApiUrlBuilder urls, CcRepositories store) {
        this.urls = urls;
        this.store = store;
    }

    Response listOfferings(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), OFFERING_FILTERS, List.of("name"));
        List<ObjectNode> offerings = new Listing<ServiceOffering>(query)
                .filter("names", ServiceOffering::name)
                .filter("service_broker_guids", ServiceOffering::brokerGuid)
                .filter("service_broker_names", offering -> brokerOf(offering).name())
                .filter("space_guids", offering -> brokerOf(offering).spaceGuid())
                .orderByName(ServiceOffering::name)
                .apply(store.serviceOfferings.all()).stream().map(this::present).toList();
        return V3Json.ok(PaginatedList.of(urls, "/v3/service_offerings", query, offerings));
    }

    Response getOffering(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(present(store.serviceOffering(request.pathParam("guid").orElseThrow())));
    }

    Response listPlans(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), PLAN_FILTERS, List.of("name"));
        List<ObjectNode> plans = new Listing<ServicePlan>(query)
                .filter("names", ServicePlan::name)
                .filter("broker_catalog_ids", ServicePlan::catalogId)
                .filter("service_offering_guids", ServicePlan::offeringGuid)
                .filter("service_offering_names", plan -> offeringOf(plan).name())
                .filter("service_broker_guids", plan -> offeringOf(plan).brokerGuid())
                .filter("service_broker_names", plan -> brokerOf(offeringOf(plan)).name())
                .filter("space_guids", plan -> brokerOf(offeringOf(plan)).spaceGuid())
                .orderByName(ServicePlan::name)
                .apply(store.servicePlans.all()).stream().map(this::present).toList();
        return V3Json.ok(PaginatedList.of(urls, "/v3/service_plans", query, plans));
    }

    Response getPlan(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(present(store.servicePlan(request.pathParam("guid").orElseThrow())));
    }

    /** {@code GET /v3/service_plans/:guid/visibility}: {@code {"type":"space","space":{"guid","name"}}} for space plans. */
    Response visibility(Request request, SecurityContext security) {
        security.requireReader();
        ServicePlan plan = store.servicePlan(request.pathParam("guid").orElseThrow());
        ObjectNode node = JsonWriter.object();
        node.put("type", plan.visibilityType());
        if ("space".equals(plan.visibilityType())) {
            String spaceGuid = brokerOf(offeringOf(plan)).spaceGuid();
            node.putObject("space").put("guid", spaceGuid)
                    .put("name", store.spaces.get(spaceGuid).map(Space::name).orElse(null));
        }
        return V3Json.ok(node);
    }

    ObjectNode present(ServiceOffering offering) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", offering.guid());
        node.put("name", offering.name());
        node.put("description", offering.description());
        node.put("available", true);
        ArrayNode tags = node.putArray("tags");
        offering.tags().forEach(tags::add);
        ArrayNode requires = node.putArray("requires");
        offering.requires().forEach(requires::add);
        node.put("created_at", CcTimestamp.format(offering.createdAt()));
        node.put("updated_at", CcTimestamp.format(offering.updatedAt()));
        node.put("shareable", offering.shareable());
        node.put("documentation_url", offering.documentationUrl());
        ObjectNode catalog = node.putObject("broker_catalog");
        catalog.put("id", offering.catalogId());
        catalog.set("metadata", offering.catalogMetadata());
        catalog.putObject("features")
                .put("plan_updateable", offering.planUpdateable())
                .put("bindable", offering.bindable())
                .put("instances_retrievable", offering.instancesRetrievable())
                .put("bindings_retrievable", offering.bindingsRetrievable())
                .put("allow_context_updates", false);
        Relationships.toOne(node.putObject("relationships"), "service_broker", offering.brokerGuid());
        node.set("metadata", offering.metadata().present());
        Links links = Links.of(node, urls).add("self", "/v3/service_offerings/" + offering.guid())
                .add("service_broker", "/v3/service_brokers/" + offering.brokerGuid());
        links.links().putObject("service_plans")
                .put("href", urls.url("/v3/service_plans?service_offering_guids=" + offering.guid()));
        return node;
    }

    ObjectNode present(ServicePlan plan) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", plan.guid());
        node.put("created_at", CcTimestamp.format(plan.createdAt()));
        node.put("updated_at", CcTimestamp.format(plan.updatedAt()));
        node.put("name", plan.name());
        node.put("visibility_type", plan.visibilityType());
        node.put("available", true);
        node.put("free", plan.free());
        node.putArray("costs");
        node.put("description", plan.description());
        node.putObject("maintenance_info");
        ObjectNode catalog = node.putObject("broker_catalog");
        catalog.put("id", plan.catalogId());
        catalog.set("metadata", plan.catalogMetadata());
        catalog.putNull("maximum_polling_duration");
        catalog.putObject("features").put("plan_updateable", offeringOf(plan).planUpdateable())
                .put("bindable", plan.bindable());
        ObjectNode schemas = node.putObject("schemas");
        ObjectNode instanceSchemas = schemas.putObject("service_instance");
        instanceSchemas.putObject("create").putObject("parameters");
        instanceSchemas.putObject("update").putObject("parameters");
        schemas.putObject("service_binding").putObject("create").putObject("parameters");
        Relationships.toOne(node.putObject("relationships"), "service_offering", plan.offeringGuid());
        node.set("metadata", plan.metadata().present());
        String self = "/v3/service_plans/" + plan.guid();
        Links.of(node, urls).add("self", self)
                .add("service_offering", "/v3/service_offerings/" + plan.offeringGuid())
                .add("visibility", self + "/visibility");
        return node;
    }

    private ServiceOffering offeringOf(ServicePlan plan) {
        return store.serviceOffering(plan.offeringGuid());
    }

    private ServiceBroker brokerOf(ServiceOffering offering) {
        return store.serviceBroker(offering.brokerGuid());
    }
}
