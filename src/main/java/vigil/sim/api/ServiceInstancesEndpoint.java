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
 * {@code /v3/service_instances} of type {@code user-provided}: create (201, at once), get, list, update,
 * delete (204 at once, with its bindings, as CC does for user-provided instances) and
 * {@code /credentials}. The sim has no service brokers, so a managed instance cannot be created.
 */
final class ServiceInstancesEndpoint {

    private static final String PATH = "/v3/service_instances";
    private static final List<String> FILTERS = List.of("names", "space_guids", "organization_guids", "type",
            "service_plan_guids", "service_plan_names", "label_selector", "fields");
    private static final List<String> ORDER_FIELDS = List.of("name");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final ServiceInstancePresenter presenter;

    ServiceInstancesEndpoint(ApiUrlBuilder urls, CcRepositories store) {
        this.urls = urls;
        this.store = store;
        this.presenter = new ServiceInstancePresenter(urls);
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, ORDER_FIELDS);
        boolean managedOnly = query.values("type").map(types -> !types.contains(ServiceInstance.USER_PROVIDED)).orElse(false);
        List<ObjectNode> instances = new Listing<ServiceInstance>(query)
                .filter("names", ServiceInstance::name)
                .filter("space_guids", ServiceInstance::spaceGuid)
                .filter("organization_guids", instance -> store.organizationGuidOfSpace(instance.spaceGuid()))
                .orderByName(ServiceInstance::name)
                .apply(managedOnly ? List.of() : store.serviceInstances.all()).stream().map(presenter::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, instances));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(instance(request)));
    }

    Response credentials(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(instance(request).credentials());
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
        if (type.equals("managed")) {
            throw CcError.unprocessable(
                    "Invalid service plan. Ensure that the service plan exists, is available, and you have access to it.");
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
        String guid = instance(request).guid();
        store.serviceBindings.where(binding -> binding.serviceInstanceGuid().equals(guid))
                .forEach(binding -> store.serviceBindings.remove(binding.guid()));
        store.serviceInstances.remove(guid);
        return V3Json.noContent();
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
