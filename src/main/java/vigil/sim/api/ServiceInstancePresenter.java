package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/** A user-provided service instance in CC's field order; credentials are never part of it. */
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
        // A user-provided instance's operations complete at once.
        node.putObject("last_operation")
            .put("type", instance.lastOperationType())
            .put("state", "succeeded")
            .put("description", "Operation succeeded")
            .put("updated_at", CcTimestamp.format(instance.updatedAt()))
            .put("created_at", CcTimestamp.format(instance.updatedAt()));
        node.put("type", ServiceInstance.USER_PROVIDED);
        node.put("syslog_drain_url", instance.syslogDrainUrl());
        node.put("route_service_url", instance.routeServiceUrl());
        Relationships.toOne(node.putObject("relationships"), "space", instance.spaceGuid());
        node.set("metadata", instance.metadata().present());
        String self = "/v3/service_instances/" + instance.guid();
        ObjectNode links = Links.of(node, urls)
                .add("self", self)
                .add("space", "/v3/spaces/" + instance.spaceGuid())
                .add("credentials", self + "/credentials")
                .links();
        links.putObject("service_credential_bindings")
             .put("href", urls.url("/v3/service_credential_bindings?service_instance_guids=" + instance.guid()));
        links.putObject("service_route_bindings")
             .put("href", urls.url("/v3/service_route_bindings?service_instance_guids=" + instance.guid()));
        return node;
    }
}
