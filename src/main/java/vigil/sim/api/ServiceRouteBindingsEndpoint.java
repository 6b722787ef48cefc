package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/service_route_bindings}: a route bound to a route service. To a user-provided instance with a
 * {@code route_service_url} it is created (201) and deleted (204) at once; to a managed instance of an offering
 * that {@code requires: ["route_forwarding"]}, the broker is asked in a job (202) and answers the
 * {@code route_service_url}. The router then sends the route's requests through that URL
 * ({@link CloudController#routeServiceUrl}).
 */
final class ServiceRouteBindingsEndpoint {

    private static final String PATH = "/v3/service_route_bindings";
    private static final List<String> FILTERS = List.of("route_guids", "service_instance_guids",
            "service_instance_names", "include", "label_selector");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final JobRunner jobs;
    private final BrokerOperations brokers;

    ServiceRouteBindingsEndpoint(ApiUrlBuilder urls, CcRepositories store, JobRunner jobs, BrokerOperations brokers) {
        this.urls = urls;
        this.store = store;
        this.jobs = jobs;
        this.brokers = brokers;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        List<ObjectNode> bindings = new Listing<ServiceRouteBinding>(query)
                .filter("route_guids", ServiceRouteBinding::routeGuid)
                .filter("service_instance_guids", ServiceRouteBinding::serviceInstanceGuid)
                .filter("service_instance_names", binding -> store.serviceInstances.get(binding.serviceInstanceGuid())
                        .map(ServiceInstance::name).orElse(null))
                .apply(store.routeBindings.all()).stream().map(this::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, bindings));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(present(binding(request)));
    }

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "relationships", "parameters", "metadata");
        String routeGuid = message.relationshipGuid("route", "Route");
        String instanceGuid = message.relationshipGuid("service_instance", "Service instance");
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();
        ServiceInstance instance = store.serviceInstances.get(instanceGuid).orElseThrow(() ->
                CcError.unprocessable("The service instance could not be found: '" + instanceGuid + "'"));
        Route route = store.routes.get(routeGuid).orElseThrow(() ->
                CcError.unprocessable("The route could not be found: '" + routeGuid + "'"));
        if (!instance.availableIn(route.spaceGuid())) {
            throw CcError.unprocessable("The service instance and the route are in different spaces.");
        }
        if (store.routeBindings.any(other -> other.routeGuid().equals(routeGuid))) {
            throw CcError.unprocessable("A route may only be bound to a single service instance");
        }
        if (!instance.managed()) {
            if (instance.routeServiceUrl() == null) {
                throw CcError.unprocessable("This service instance does not support route binding.");
            }
            ServiceRouteBinding binding = new ServiceRouteBinding(CcRepositories.newGuid(), routeGuid, instanceGuid,
                    instance.routeServiceUrl(), LastOperation.succeeded("create", null, store.now()), store.now(),
                    store.now(), metadata);
            store.routeBindings.add(binding);
            return V3Json.created(present(binding));
        }
        if (!brokers.targetOf(instance).offering().requires().contains("route_forwarding")) {
            throw CcError.unprocessable("This service instance does not support route binding.");
        }
        ServiceRouteBinding binding = new ServiceRouteBinding(CcRepositories.newGuid(), routeGuid, instanceGuid, null,
                LastOperation.started("create", store.now()), store.now(), store.now(), metadata);
        store.routeBindings.add(binding);
        ObjectNode resource = JsonWriter.object();
        resource.put("route", store.uri(route));
        JsonNode parameters = message.body().get("parameters");
        return V3Json.acceptedJob(jobs.enqueue("service_route_bindings.create", "service_route_binding", binding.guid(), () -> {
            try {
                JsonNode reply = brokers.bind(instance, binding.guid(), null, resource, parameters);
                String url = reply.path("route_service_url").asText(null);
                store.routeBindings.update(binding.guid(), current -> current.withOperation(
                        current.lastOperation().finished(LastOperation.SUCCEEDED, null, store.now()), url, store.now()));
            } catch (ApiError e) {
                store.routeBindings.update(binding.guid(), current -> current.withOperation(
                        current.lastOperation().finished(LastOperation.FAILED, e.detail(), store.now()),
                        current.routeServiceUrl(), store.now()));
                throw e;
            }
        }));
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        ServiceRouteBinding binding = binding(request);
        ServiceInstance instance = store.serviceInstances.get(binding.serviceInstanceGuid()).orElse(null);
        if (instance != null && instance.managed()) {
            return V3Json.acceptedJob(jobs.enqueue("service_route_bindings.delete", "service_route_binding",
                    binding.guid(), () -> brokers.unbind(instance, binding.guid(), false)));
        }
        store.routeBindings.remove(binding.guid());
        return V3Json.noContent();
    }

    ObjectNode present(ServiceRouteBinding binding) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", binding.guid());
        node.put("route_service_url", binding.routeServiceUrl());
        node.put("created_at", CcTimestamp.format(binding.createdAt()));
        node.put("updated_at", CcTimestamp.format(binding.updatedAt()));
        binding.lastOperation().writeTo(node);
        node.set("metadata", binding.metadata().present());
        ObjectNode relationships = node.putObject("relationships");
        Relationships.toOne(relationships, "service_instance", binding.serviceInstanceGuid());
        Relationships.toOne(relationships, "route", binding.routeGuid());
        String self = PATH + "/" + binding.guid();
        Links.of(node, urls).add("self", self)
                .add("service_instance", "/v3/service_instances/" + binding.serviceInstanceGuid())
                .add("route", "/v3/routes/" + binding.routeGuid())
                .add("parameters", self + "/parameters");
        return node;
    }

    private ServiceRouteBinding binding(Request request) {
        return store.routeBinding(request.pathParam("guid").orElseThrow());
    }
}
