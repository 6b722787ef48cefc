package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/service_credential_bindings} of type {@code app} to user-provided instances: create (201, at
 * once), get, list, {@code /details} (the credentials) and delete (204). An app sees a new binding in its
 * {@code VCAP_SERVICES} when it is next started, as in CF: binding does not restart anything.
 */
final class ServiceCredentialBindingsEndpoint {

    private static final String PATH = "/v3/service_credential_bindings";
    private static final List<String> FILTERS = List.of("names", "service_instance_guids", "service_instance_names",
            "app_guids", "app_names", "service_plan_guids", "service_plan_names", "service_offering_guids",
            "service_offering_names", "type", "include", "label_selector");
    private static final List<String> ORDER_FIELDS = List.of("name");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final ServiceCredentialBindingPresenter presenter;

    ServiceCredentialBindingsEndpoint(ApiUrlBuilder urls, CcRepositories store) {
        this.urls = urls;
        this.store = store;
        this.presenter = new ServiceCredentialBindingPresenter(urls);
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, ORDER_FIELDS);
        boolean keysOnly = query.values("type").map(types -> !types.contains(ServiceCredentialBinding.APP)).orElse(false);
        List<ObjectNode> bindings = new Listing<ServiceCredentialBinding>(query)
                .filter("names", ServiceCredentialBinding::name)
                .filter("service_instance_guids", ServiceCredentialBinding::serviceInstanceGuid)
                .filter("service_instance_names", binding -> store.serviceInstances.get(binding.serviceInstanceGuid())
                        .map(ServiceInstance::name).orElse(null))
                .filter("app_guids", ServiceCredentialBinding::appGuid)
                .filter("app_names", binding -> store.apps.get(binding.appGuid()).map(App::name).orElse(null))
                .orderByName(binding -> binding.name() == null ? "" : binding.name())
                .apply(keysOnly ? List.of() : store.serviceBindings.all()).stream().map(presenter::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, bindings));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(binding(request)));
    }

    Response details(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.presentDetails(binding(request)));
    }

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "type", "name", "relationships", "parameters", "metadata");
        String type = message.body().path("type").asText("");
        if (!type.equals(ServiceCredentialBinding.APP) && !type.equals("key")) {
            message.problem("Type must be 'app' or 'key'");
        }
        String name = message.optionalString("name", "Name").orElse(null);
        String instanceGuid = message.relationshipGuid("service_instance", "Service instance");
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();
        ServiceInstance instance = store.serviceInstances.get(instanceGuid).orElseThrow(() ->
                CcError.unprocessable("The service instance could not be found: '" + instanceGuid + "'"));
        if (type.equals("key")) {
            throw CcError.unprocessable("Service credential bindings of type 'key' are not supported for user-provided service instances.");
        }
        if (message.has("parameters")) {
            throw CcError.unprocessable("Binding parameters are not supported for user-provided service instances");
        }
        String appGuid = message.relationshipGuid("app", "App");
        message.validate();
        App app = store.apps.get(appGuid).orElseThrow(() ->
                CcError.unprocessable("The app could not be found: '" + appGuid + "'"));
        if (!app.spaceGuid().equals(instance.spaceGuid())) {
            throw CcError.unprocessable("The service instance and the app are in different spaces");
        }
        ServiceCredentialBinding binding = new ServiceCredentialBinding(CcRepositories.newGuid(), name, appGuid,
                instanceGuid, instance.credentials(), instance.syslogDrainUrl(), store.now(), store.now(), metadata);
        if (name != null && store.serviceBindings.any(other -> other.appGuid().equals(appGuid) && name.equals(other.name())
                && !other.serviceInstanceGuid().equals(instanceGuid))) {
            throw CcError.unprocessable("The binding name is invalid. Binding names must be unique for a given service "
                    + "instance and app. The app already has a binding with name '" + name + "'.");
        }
        if (!store.serviceBindings.addUnless(binding, other -> other.appGuid().equals(appGuid)
                && other.serviceInstanceGuid().equals(instanceGuid))) {
            throw CcError.unprocessable("The app is already bound to the service instance");
        }
        return V3Json.created(presenter.present(binding));
    }

    Response update(Request request, SecurityContext security) {
        security.requireWriter();
        ServiceCredentialBinding current = binding(request);
        RequestMessage message = RequestMessage.of(request, "metadata");
        Metadata metadata = current.metadata().updatedBy(message);
        message.validate();
        ServiceCredentialBinding updated = store.serviceBindings.update(current.guid(),
                binding -> binding.withMetadata(metadata, store.now()))
                .orElseThrow(() -> CcError.notFound("Service credential binding"));
        return V3Json.ok(presenter.present(updated));
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        store.serviceBindings.remove(binding(request).guid());
        return V3Json.noContent();
    }

    /** There are no route services in the sim: {@code GET /v3/service_route_bindings} is always empty. */
    Response listRouteBindings(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), List.of("route_guids", "service_instance_guids",
                "service_instance_names", "include", "label_selector"), List.of());
        return V3Json.ok(PaginatedList.of(urls, "/v3/service_route_bindings", query, List.<ObjectNode>of()));
    }

    private ServiceCredentialBinding binding(Request request) {
        return store.serviceBinding(request.pathParam("guid").orElseThrow());
    }
}
