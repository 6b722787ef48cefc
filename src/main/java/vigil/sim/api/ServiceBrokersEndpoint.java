package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/service_brokers}: register (202 and a job that fetches the catalog), list, get, update (202 and a
 * job that fetches the catalog again; 200 for a metadata-only change) and delete (202 and a job; 422 while the
 * broker's plans still have instances, as CC refuses). Space-scoped brokers ({@code relationships.space}) may be
 * registered by that space's developers; global ones by admins only.
 */
final class ServiceBrokersEndpoint {

    private static final String PATH = "/v3/service_brokers";
    private static final List<String> FILTERS = List.of("names", "space_guids", "label_selector");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final JobRunner jobs;
    private final BrokerClient client;
    private final BrokerCatalog catalog;
    private final CcFaults faults;

    ServiceBrokersEndpoint(ApiUrlBuilder urls, CcRepositories store, JobRunner jobs, BrokerClient client, CcFaults faults) {
        this.urls = urls;
        this.store = store;
        this.jobs = jobs;
        this.client = client;
        this.catalog = new BrokerCatalog(store);
        this.faults = faults;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of("name"));
        List<ObjectNode> brokers = new Listing<ServiceBroker>(query)
                .filter("names", ServiceBroker::name)
                .filter("space_guids", ServiceBroker::spaceGuid)
                .orderByName(ServiceBroker::name)
                .apply(store.serviceBrokers.all()).stream().map(this::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, brokers));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(present(broker(request)));
    }

    Response create(Request request, SecurityContext security) {
        Caller caller = security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "name", "url", "authentication", "relationships", "metadata");
        String name = message.requiredString("name", "Name");
        String url = message.requiredString("url", "Url");
        Credentials credentials = credentials(message, true);
        String spaceGuid = message.body().path("relationships").has("space")
                ? message.relationshipGuid("space", "Space") : null;
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        checkUrl(message, url);
        message.validate();
        if (spaceGuid == null && !caller.isAdmin()) {
            throw CcError.NOT_AUTHORIZED.raise();
        }
        if (spaceGuid != null && !store.spaces.contains(spaceGuid)) {
            throw CcError.unprocessable("Invalid space. Ensure that the space exists and you have access to it.");
        }
        ServiceBroker broker = new ServiceBroker(CcRepositories.newGuid(), name, url, credentials.username(),
                credentials.password(), spaceGuid, store.now(), store.now(), metadata);
        if (!store.serviceBrokers.addUnless(broker, other -> other.name().equals(name))) {
            throw CcError.UNIQUENESS_ERROR.raise("Name must be unique");
        }
        String job = jobs.enqueue("service_broker.catalog.synchronize", "service_broker", broker.guid(),
                () -> synchronize(broker));
        return V3Json.acceptedJob(job);
    }

    Response update(Request request, SecurityContext security) {
        security.requireWriter();
        ServiceBroker current = broker(request);
        RequestMessage message = RequestMessage.of(request, "name", "url", "authentication", "metadata");
        String name = message.optionalString("name", "Name").orElse(current.name());
        String url = message.optionalString("url", "Url").orElse(current.url());
        Credentials credentials = message.has("authentication") ? credentials(message, true)
                : new Credentials(current.username(), current.password());
        Metadata metadata = current.metadata().updatedBy(message);
        checkUrl(message, url);
        message.validate();
        if (store.serviceBrokers.any(other -> !other.guid().equals(current.guid()) && other.name().equals(name))) {
            throw CcError.UNIQUENESS_ERROR.raise("Name must be unique");
        }
        ServiceBroker updated = store.serviceBrokers.update(current.guid(), broker -> broker.updated(name, url,
                credentials.username(), credentials.password(), metadata, store.now()))
                .orElseThrow(() -> CcError.notFound("Service broker"));
        if (!message.has("name") && !message.has("url") && !message.has("authentication")) {
            return V3Json.ok(present(updated));
        }
        return V3Json.acceptedJob(jobs.enqueue("service_broker.update", "service_broker", updated.guid(),
                () -> synchronize(updated)));
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        ServiceBroker broker = broker(request);
        List<String> planGuids = store.serviceOfferings.where(o -> o.brokerGuid().equals(broker.guid())).stream()
                .flatMap(o -> store.servicePlans.where(p -> p.offeringGuid().equals(o.guid())).stream())
                .map(ServicePlan::guid).toList();
        List<String> instances = store.serviceInstances.where(i -> planGuids.contains(i.servicePlanGuid())).stream()
                .map(ServiceInstance::name).toList();
        if (!instances.isEmpty()) {
            throw CcError.unprocessable("Can not remove brokers that have associated service instances: "
                    + String.join(", ", instances));
        }
        return V3Json.acceptedJob(jobs.enqueue("service_broker.delete", "service_broker", broker.guid(), () -> {
            catalog.removeFor(broker.guid());
            store.serviceBrokers.remove(broker.guid());
        }));
    }

    private void synchronize(ServiceBroker broker) {
        JsonNode fetched = client.catalog(broker.endpoint());
        catalog.importFor(broker, fetched, faults.brokerPlansShownPublic());
    }

    ObjectNode present(ServiceBroker broker) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", broker.guid());
        node.put("name", broker.name());
        node.put("url", broker.url());
        node.put("created_at", CcTimestamp.format(broker.createdAt()));
        node.put("updated_at", CcTimestamp.format(broker.updatedAt()));
        ObjectNode relationships = node.putObject("relationships");
        if (broker.spaceGuid() != null) {
            Relationships.toOne(relationships, "space", broker.spaceGuid());
        }
        node.set("metadata", broker.metadata().present());
        Links links = Links.of(node, urls).add("self", PATH + "/" + broker.guid());
        links.links().putObject("service_offerings")
                .put("href", urls.url("/v3/service_offerings?service_broker_guids=" + broker.guid()));
        if (broker.spaceGuid() != null) {
            links.add("space", "/v3/spaces/" + broker.spaceGuid());
        }
        return node;
    }

    private record Credentials(String username, String password) {
    }

    private static Credentials credentials(RequestMessage message, boolean required) {
        JsonNode authentication = message.body().path("authentication");
        if (authentication.isMissingNode()) {
            if (required) {
                message.problem("Authentication must be an object");
            }
            return new Credentials("", "");
        }
        if (!"basic".equals(authentication.path("type").asText())) {
            message.problem("Authentication type must be equal to basic");
        }
        String username = authentication.path("credentials").path("username").asText("");
        String password = authentication.path("credentials").path("password").asText("");
        if (username.isEmpty()) {
            message.problem("Authentication credentials username must be a string");
        }
        if (password.isEmpty()) {
            message.problem("Authentication credentials password must be a string");
        }
        return new Credentials(username, password);
    }

    private static void checkUrl(RequestMessage message, String url) {
        if (url == null) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                message.problem("Url must be a valid url");
            }
        } catch (java.net.URISyntaxException e) {
            message.problem("Url must be a valid url");
        }
    }

    private ServiceBroker broker(Request request) {
        return store.serviceBrokers.get(request.pathParam("guid").orElseThrow())
                .orElseThrow(() -> CcError.notFound("Service broker"));
    }
}
