package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/service_instances}: user-provided ones are created (201) and deleted (204, with their bindings) at
 * once; managed ones are provisioned by their plan's broker in a job (202, see {@link BrokerOperations}) and
 * deprovisioned the same way, after their bindings are unbound. {@code /credentials} is for user-provided
 * instances; {@code /relationships/shared_spaces} shares a managed instance with other spaces.
 */
final class ServiceInstancesEndpoint {

    private static final String PATH = "/v3/service_instances";
    private static final List<String> FILTERS = List.of("names", "space_guids", "organization_guids", "type",
            "service_plan_guids", "service_plan_names", "label_selector", "fields");
    private static final List<String> ORDER_FIELDS = List.of("name");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final ServiceInstancePresenter presenter;
    private final JobRunner jobs;
    private final BrokerOperations brokers;
    private final CcFaults faults;

    ServiceInstancesEndpoint(ApiUrlBuilder urls, CcRepositories store, JobRunner jobs, BrokerOperations brokers,
                             CcFaults faults) {
        this.urls = urls;
        this.store = store;
        this.presenter = new ServiceInstancePresenter(urls);
        this.jobs = jobs;
        this.brokers = brokers;
        this.faults = faults;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, ORDER_FIELDS);
        // CC lists an instance in the spaces it is shared to as well as in its own.
        List<ObjectNode> instances = new Listing<ServiceInstance>(query)
                .filter("names", ServiceInstance::name)
                .filter("type", ServiceInstance::type)
                .filterAny("space_guids", this::spacesOf)
                .filterAny("organization_guids", instance -> spacesOf(instance).stream()
                        .map(store::organizationGuidOfSpace).toList())
                .filter("service_plan_guids", ServiceInstance::servicePlanGuid)
                .filter("service_plan_names", instance -> instance.managed()
                        ? store.servicePlans.get(instance.servicePlanGuid()).map(ServicePlan::name).orElse(null) : null)
                .orderByName(ServiceInstance::name)
                .apply(store.serviceInstances.all()).stream().map(presenter::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, instances));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(instance(request)));
    }

    Response credentials(Request request, SecurityContext security) {
        security.requireReader();
        ServiceInstance instance = instance(request);
        if (instance.managed()) {
            throw CcError.notFound("Service instance");
        }
        return V3Json.ok(instance.credentials());
    }

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "type", "name", "relationships", "credentials",
                "syslog_drain_url", "route_service_url", "tags", "parameters", "metadata");
        String type = message.body().path("type").asText("");
        if (!type.equals(ServiceInstance.USER_PROVIDED) && !type.equals("managed")) {
            message.problem("Type must be one of 'managed', 'user-provided'");
            message.validate();
        }
        if (type.equals(ServiceInstance.MANAGED)) {
            return createManaged(message);
        }
        String name = message.requiredString("name", "Name");
        String spaceGuid = message.relationshipGuid("space", "Space");
        Fields fields = fields(message, JsonWriter.object(), null, null, List.of());
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();
        if (!store.spaces.contains(spaceGuid)) {
            throw CcError.unprocessable("Invalid space. Ensure that the space exists and you have access to it.");
        }
        ServiceInstance instance = new ServiceInstance(CcRepositories.newGuid(), name, spaceGuid, fields.credentials(),
                fields.syslogDrainUrl(), fields.routeServiceUrl(), fields.tags(), "create", store.now(), store.now(),
                metadata);
        if (!store.serviceInstances.addUnless(instance, other -> other.spaceGuid().equals(spaceGuid)
                && other.name().equals(name))) {
            throw CcError.unprocessable("The service instance name is taken: " + name + ".");
        }
        return V3Json.created(presenter.present(instance));
    }

    /** A changed credential or syslog drain reaches the bindings too (running apps see it after a restart). */
    Response update(Request request, SecurityContext security) {
        security.requireWriter();
        ServiceInstance current = instance(request);
        RequestMessage message = RequestMessage.of(request, "name", "credentials", "syslog_drain_url", "route_service_url",
                "tags", "metadata");
        String name = message.optionalString("name", "Name").orElse(current.name());
        Fields fields = fields(message, current.credentials(), current.syslogDrainUrl(), current.routeServiceUrl(),
                current.tags());
        Metadata metadata = current.metadata().updatedBy(message);
        message.validate();
        ServiceInstance updated = store.serviceInstances.update(current.guid(), instance -> {
            if (store.serviceInstances.any(other -> !other.guid().equals(instance.guid())
                    && other.spaceGuid().equals(instance.spaceGuid()) && other.name().equals(name))) {
                throw CcError.unprocessable("The service instance name is taken: " + name + ".");
            }
            return instance.updated(name, fields.credentials(), fields.syslogDrainUrl(), fields.routeServiceUrl(),
                    fields.tags(), metadata, store.now());
        }).orElseThrow(() -> CcError.notFound("Service instance"));
        if (message.has("credentials") || message.has("syslog_drain_url")) {
            store.serviceBindings.where(binding -> binding.serviceInstanceGuid().equals(updated.guid()))
                    .forEach(binding -> store.serviceBindings.update(binding.guid(), current2 -> current2.withInstanceDetails(
                            updated.credentials(), updated.syslogDrainUrl(), store.now())));
        }
        return V3Json.ok(presenter.present(updated));
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        ServiceInstance instance = instance(request);
        if (instance.managed()) {
            ServiceInstance deleting = store.serviceInstances.update(instance.guid(), current -> current.withOperation(
                    LastOperation.started("delete", store.now()), null, store.now())).orElseThrow();
            return V3Json.acceptedJob(jobs.enqueue("service_instance.delete", "service_instance", instance.guid(),
                    () -> brokers.deprovision(deleting)));
        }
        String guid = instance.guid();
        store.serviceBindings.where(binding -> binding.serviceInstanceGuid().equals(guid))
                .forEach(binding -> store.serviceBindings.remove(binding.guid()));
        store.serviceInstances.remove(guid);
        return V3Json.noContent();
    }

    /** A managed instance: checked here, provisioned by the plan's broker in a job. */
    private Response createManaged(RequestMessage message) {
        String name = message.requiredString("name", "Name");
        String spaceGuid = message.relationshipGuid("space", "Space");
        String planGuid = message.relationshipGuid("service_plan", "Service plan");
        List<String> tags = fields(message, JsonWriter.object(), null, null, List.of()).tags();
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        if (message.has("credentials") || message.has("syslog_drain_url") || message.has("route_service_url")) {
            message.problem("Credentials, syslog drain url and route service url are for user-provided instances only");
        }
        message.validate();
        if (!store.spaces.contains(spaceGuid)) {
            throw CcError.unprocessable("Invalid space. Ensure that the space exists and you have access to it.");
        }
        ServicePlan plan = store.servicePlans.get(planGuid).filter(candidate -> availableIn(candidate, spaceGuid))
                .orElseThrow(() -> CcError.unprocessable("Invalid service plan. Ensure that the service plan exists, "
                        + "is available, and you have access to it."));
        ServiceInstance instance = ServiceInstance.provisioning(CcRepositories.newGuid(), name, spaceGuid, plan.guid(),
                tags, store.now(), metadata);
        if (!store.serviceInstances.addUnless(instance, other -> other.spaceGuid().equals(spaceGuid)
                && other.name().equals(name))) {
            throw CcError.unprocessable("The service instance name is taken: " + name + ".");
        }
        JsonNode parameters = message.body().get("parameters");
        Runnable provision = () -> brokers.provision(instance, parameters);
        if (brokers.reportsAsyncProvisionDoneAtOnce()) {
            // The test fault, made deterministic: the broker is asked before the CC answers, so the instance is
            // already "succeeded" when the client first looks; a broker's failure still fails the job.
            RuntimeException failure = null;
            try {
                provision.run();
            } catch (RuntimeException e) {
                failure = e;
            }
            RuntimeException failed = failure;
            provision = () -> {
                if (failed != null) {
                    throw failed;
                }
            };
        }
        return V3Json.acceptedJob(jobs.enqueue("service_instance.create", "service_instance", instance.guid(),
                provision));
    }

    /** A space-scoped broker's plans serve its own space only; global brokers' plans serve every space. */
    private boolean availableIn(ServicePlan plan, String spaceGuid) {
        String brokerSpace = store.serviceOfferings.get(plan.offeringGuid())
                .flatMap(offering -> store.serviceBrokers.get(offering.brokerGuid()))
                .map(broker -> broker.spaceGuid() == null ? spaceGuid : broker.spaceGuid()).orElse(null);
        return spaceGuid.equals(brokerSpace);
    }

    /** {@code GET .../relationships/shared_spaces}. */
    Response sharedSpaces(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(sharedSpacesDocument(instance(request)));
    }

    /** {@code POST .../relationships/shared_spaces}: shares a managed instance of a shareable offering. */
    Response share(Request request, SecurityContext security) {
        Caller caller = security.requireWriter();
        ServiceInstance instance = instance(request);
        RequestMessage message = RequestMessage.of(request, "data");
        List<String> spaces = new ArrayList<>();
        message.body().path("data").forEach(entry -> spaces.add(entry.path("guid").asText("")));
        if (!message.body().path("data").isArray() || spaces.isEmpty()) {
            message.problem("Data must be an array");
        }
        message.validate();
        if (!instance.managed()) {
            throw CcError.unprocessable("User-provided services cannot be shared.");
        }
        ServiceOffering offering = brokers.targetOf(instance).offering();
        if (!offering.shareable()) {
            throw CcError.unprocessable("The \"" + offering.name() + "\" service does not support service instance sharing.");
        }
        for (String space : spaces) {
            if (!store.spaces.contains(space)) {
                throw CcError.unprocessable("Unable to share service instance " + instance.name() + " with spaces ['"
                        + space + "']. Ensure the spaces exist and that you have access to them.");
            }
            // CC: the caller must be a developer in every space shared to, not only in the instance's own.
            if (!caller.isAdmin() && !Access.of(caller.guid(), store).isSpaceDeveloper(
                    ResourceScope.space(store.organizationGuidOfSpace(space), space))) {
                throw CcError.unprocessable("Unable to share service instance " + instance.name() + " with spaces ['"
                        + space + "']. Write permission is required in order to share a service instance with a space.");
            }
            if (space.equals(instance.spaceGuid())) {
                throw CcError.unprocessable("Unable to share service instance '" + instance.name()
                        + "' with space '" + space + "'. Service instances cannot be shared into the space where they were created.");
            }
        }
        ServiceInstance shared = store.serviceInstances.update(instance.guid(), current -> current.sharedTo(spaces, store.now()))
                .orElseThrow(() -> CcError.notFound("Service instance"));
        return V3Json.ok(sharedSpacesDocument(shared));
    }

    /** {@code DELETE .../relationships/shared_spaces/:space_guid}: 204; the space's bindings to it go first. */
    Response unshare(Request request, SecurityContext security) {
        security.requireWriter();
        ServiceInstance instance = instance(request);
        String space = request.pathParam("space_guid").orElseThrow();
        if (!instance.sharedSpaceGuids().contains(space)) {
            throw CcError.unprocessable("Unable to unshare service instance from space " + space
                    + ". Ensure the space exists and the service instance has been shared to this space.");
        }
        store.serviceBindings.where(binding -> binding.serviceInstanceGuid().equals(instance.guid())
                        && binding.appGuid() != null && space.equals(store.spaceGuidOfApp(binding.appGuid())))
                .forEach(binding -> brokers.unbind(instance, binding.guid(), true));
        store.serviceInstances.update(instance.guid(), current -> current.unsharedFrom(space, store.now()));
        return V3Json.noContent();
    }

    private ObjectNode sharedSpacesDocument(ServiceInstance instance) {
        ObjectNode document = JsonWriter.object();
        com.fasterxml.jackson.databind.node.ArrayNode data = document.putArray("data");
        instance.sharedSpaceGuids().forEach(space -> data.addObject().put("guid", space));
        document.putObject("links").putObject("self").put("href",
                urls.url("/v3/service_instances/" + instance.guid() + "/relationships/shared_spaces"));
        return document;
    }

    private List<String> spacesOf(ServiceInstance instance) {
        if (faults.sharingIgnored()) {
            return List.of(instance.spaceGuid());
        }
        List<String> spaces = new ArrayList<>(List.of(instance.spaceGuid()));
        spaces.addAll(instance.sharedSpaceGuids());
        return spaces;
    }

    private record Fields(ObjectNode credentials, String syslogDrainUrl, String routeServiceUrl, List<String> tags) {
    }

    private static Fields fields(RequestMessage message, ObjectNode credentials, String syslogDrainUrl,
                                 String routeServiceUrl, List<String> tags) {
        ObjectNode newCredentials = credentials;
        if (message.has("credentials")) {
            JsonNode given = message.body().get("credentials");
            if (given instanceof ObjectNode object) {
                newCredentials = object;
            } else if (given.isNull()) {
                newCredentials = JsonWriter.object();
            } else {
                message.problem("Credentials must be an object");
            }
        }
        String drain = url(message, "syslog_drain_url", "Syslog drain url").orElse(message.has("syslog_drain_url")
                ? null : syslogDrainUrl);
        String routeService = url(message, "route_service_url", "Route service url").orElse(message.has("route_service_url")
                ? null : routeServiceUrl);
        if (routeService != null && !routeService.startsWith("https:")) {
            message.problem("Route service url must be https");
        }
        List<String> newTags = tags;
        if (message.has("tags")) {
            JsonNode given = message.body().get("tags");
            List<String> collected = new ArrayList<>();
            if (given.isArray()) {
                given.forEach(tag -> {
                    if (tag.isTextual()) {
                        collected.add(tag.asText());
                    } else {
                        message.problem("Tags must be a list of strings");
                    }
                });
            } else if (!given.isNull()) {
                message.problem("Tags must be a list of strings");
            }
            newTags = collected;
        }
        return new Fields(newCredentials, drain, routeService, newTags);
    }

    private static Optional<String> url(RequestMessage message, String field, String label) {
        Optional<String> value = message.optionalString(field, label).filter(text -> !text.isEmpty());
        value.ifPresent(text -> {
            try {
                URI uri = new URI(text);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    message.problem(label + " must be a valid URI");
                }
            } catch (java.net.URISyntaxException e) {
                message.problem(label + " must be a valid URI");
            }
        });
        return value;
    }

    private ServiceInstance instance(Request request) {
        return store.serviceInstance(request.pathParam("guid").orElseThrow());
    }
}
