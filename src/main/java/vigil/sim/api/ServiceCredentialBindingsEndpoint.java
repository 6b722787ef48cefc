package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/service_credential_bindings}: of type {@code app} to user-provided instances, created (201) and
 * deleted (204) at once; of type {@code app} or {@code key} to managed instances, bound and unbound by the
 * broker in a job (202). {@code /details} gives the credentials. An app sees a new binding in its
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
    private final JobRunner jobs;
    private final BrokerOperations brokers;

    ServiceCredentialBindingsEndpoint(ApiUrlBuilder urls, CcRepositories store, JobRunner jobs, BrokerOperations brokers) {
        this.urls = urls;
        this.store = store;
        this.presenter = new ServiceCredentialBindingPresenter(urls);
        this.jobs = jobs;
        this.brokers = brokers;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, ORDER_FIELDS);
        List<ObjectNode> bindings = new Listing<ServiceCredentialBinding>(query)
                .filter("names", ServiceCredentialBinding::name)
                .filter("service_instance_guids", ServiceCredentialBinding::serviceInstanceGuid)
                .filter("service_instance_names", binding -> store.serviceInstances.get(binding.serviceInstanceGuid())
                        .map(ServiceInstance::name).orElse(null))
                .filter("type", ServiceCredentialBinding::type)
                .filter("app_guids", ServiceCredentialBinding::appGuid)
                .filter("app_names", binding -> store.apps.get(binding.appGuid()).map(App::name).orElse(null))
                .orderByName(binding -> binding.name() == null ? "" : binding.name())
                .apply(store.serviceBindings.all()).stream().map(presenter::present).toList();
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
        if (instance.managed()) {
            return createManaged(message, type, name, instance, metadata);
        }
        if (type.equals(ServiceCredentialBinding.KEY)) {
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
        ServiceCredentialBinding binding = binding(request);
        ServiceInstance instance = store.serviceInstances.get(binding.serviceInstanceGuid()).orElse(null);
        if (instance != null && instance.managed()) {
            store.serviceBindings.update(binding.guid(), current -> current.withOperation(
                    LastOperation.started("delete", store.now()), store.now()));
            return V3Json.acceptedJob(jobs.enqueue("service_bindings.delete", "service_credential_binding",
                    binding.guid(), () -> brokers.unbind(instance, binding.guid(), true)));
        }
        store.serviceBindings.remove(binding.guid());
        return V3Json.noContent();
    }

    /** A binding or key of a managed instance: recorded at once, its credentials asked of the broker in a job. */
    private Response createManaged(RequestMessage message, String type, String name, ServiceInstance instance,
                                   Metadata metadata) {
        String appGuid = null;
        if (type.equals(ServiceCredentialBinding.APP)) {
            appGuid = message.relationshipGuid("app", "App");
        } else if (name == null) {
            message.problem("Name can't be blank");
        }
        message.validate();
        if (!brokers.targetOf(instance).plan().bindable()) {
            throw CcError.unprocessable("Service plan does not allow bindings.");
        }
        if (LastOperation.IN_PROGRESS.equals(instance.lastOperation().state())) {
            throw CcError.unprocessable("There is an operation in progress for the service instance.");
        }
        if (!LastOperation.SUCCEEDED.equals(instance.lastOperation().state())) {
            throw CcError.unprocessable("Service instance is not in a state where bindings can be created.");
        }
        if (appGuid != null) {
            String app = appGuid;
            App bound = store.apps.get(app).orElseThrow(() ->
                    CcError.unprocessable("The app could not be found: '" + app + "'"));
            if (!instance.availableIn(bound.spaceGuid())) {
                throw CcError.unprocessable("The service instance and the app are in different spaces");
            }
        }
        String appForBinding = appGuid;
        ServiceCredentialBinding binding = ServiceCredentialBinding.creating(CcRepositories.newGuid(), name, type,
                appGuid, instance.guid(), store.now(), metadata);
        boolean added = store.serviceBindings.addUnless(binding, other -> other.serviceInstanceGuid().equals(instance.guid())
                && (appForBinding != null ? other.forApp(appForBinding)
                        : ServiceCredentialBinding.KEY.equals(other.type()) && name.equals(other.name())));
        if (!added) {
            throw CcError.unprocessable(appForBinding != null ? "The app is already bound to the service instance"
                    : "The binding name is invalid. Key binding names must be unique. The service instance already has a key binding with name '"
                    + name + "'.");
        }
        if (!store.serviceInstances.contains(instance.guid())) {
            // The instance was deprovisioned since it was looked up: no binding outlives it.
            store.serviceBindings.remove(binding.guid());
            throw CcError.unprocessable("The service instance could not be found: '" + instance.guid() + "'.");
        }
        ObjectNode resource = JsonWriter.object();
        if (appForBinding != null) {
            resource.put("app_guid", appForBinding);
        }
        JsonNode parameters = message.body().get("parameters");
        return V3Json.acceptedJob(jobs.enqueue("service_bindings.create", "service_credential_binding", binding.guid(), () -> {
            try {
                JsonNode reply = brokers.bind(instance, binding.guid(), appForBinding,
                        resource, parameters);
                ObjectNode credentials = reply.path("credentials")
                        instanceof ObjectNode given ? given : JsonWriter.object();
                store.serviceBindings.update(binding.guid(), current -> current
                        .withInstanceDetails(credentials, reply.path("syslog_drain_url").asText(null), store.now())
                        .withOperation(current.lastOperation().finished(LastOperation.SUCCEEDED, null, store.now()), store.now()));
            } catch (ApiError e) {
                store.serviceBindings.update(binding.guid(), current -> current.withOperation(
                        current.lastOperation().finished(LastOperation.FAILED, e.detail(), store.now()), store.now()));
                throw e;
            }
        }));
    }

    private ServiceCredentialBinding binding(Request request) {
        return store.serviceBinding(request.pathParam("guid").orElseThrow());
    }
}
