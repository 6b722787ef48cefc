package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/** A service instance in CC's field order (user-provided and managed differ); credentials are never part of it. */
final class ServiceInstancePresenter {

    private final ApiUrlBuilder urls;

    ServiceInstancePresenter(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    ObjectNode present(ServiceInstance instance) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", instance.guid());
        node.put("created_at", CcTimestamp.format(instance.createdAt()));
        node.put("updated_at", CcTimestamp.format(instance.updatedAt()));
        node.put("name", instance.name());
        ArrayNode tags = node.putArray("tags");
        instance.tags().forEach(tags::add);
        instance.lastOperation().writeTo(node);
        node.put("type", instance.type());
        if (instance.managed()) {
            node.putObject("maintenance_info");
            node.put("upgrade_available", false);
            node.put("dashboard_url", instance.dashboardUrl());
        } else {
            node.put("syslog_drain_url", instance.syslogDrainUrl());
            node.put("route_service_url", instance.routeServiceUrl());
        }
        ObjectNode relationships = node.putObject("relationships");
        Relationships.toOne(relationships, "space", instance.spaceGuid());
        if (instance.managed()) {
            Relationships.toOne(relationships, "service_plan", instance.servicePlanGuid());
        }
        node.set("metadata", instance.metadata().present());
        String self = "/v3/service_instances/" + instance.guid();
        Links links = Links.of(node, urls)
                .add("self", self)
                .add("space", "/v3/spaces/" + instance.spaceGuid());
        if (instance.managed()) {
            links.add("service_plan", "/v3/service_plans/" + instance.servicePlanGuid())
                 .add("parameters", self + "/parameters")
                 .add("shared_spaces", self + "/relationships/shared_spaces");
        } else {
            links.add("credentials", self + "/credentials");
        }
        links.links().putObject("service_credential_bindings")
             .put("href", urls.url("/v3/service_credential_bindings?service_instance_guids=" + instance.guid()));
        links.links().putObject("service_route_bindings")
             .put("href", urls.url("/v3/service_route_bindings?service_instance_guids=" + instance.guid()));
        return node;
    }
}
