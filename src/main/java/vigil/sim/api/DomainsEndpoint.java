package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/** {@code /v3/domains}: the shared apps domain exists from the start; private and shared domains can be added. */
final class DomainsEndpoint {

    private static final String PATH = "/v3/domains";
    private static final List<String> FILTERS = List.of("names", "organization_guids", "label_selector");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final DomainPresenter presenter;
    private final RouterGroups routerGroups;
    private final JobRunner jobs;
    private final ResourceDeleter deleter;

    DomainsEndpoint(ApiUrlBuilder urls, CcRepositories store) {
        this(urls, store, new RouterGroups(), null, null);
    }

    /** With router groups (TCP domains) and deletes, which run as jobs. */
    DomainsEndpoint(ApiUrlBuilder urls, CcRepositories store, RouterGroups routerGroups, JobRunner jobs,
                    ResourceDeleter deleter) {
        this.urls = urls;
        this.store = store;
        this.presenter = new DomainPresenter(urls);
        this.routerGroups = routerGroups;
        this.jobs = jobs;
        this.deleter = deleter;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        List<ObjectNode> domains = new Listing<Domain>(query)
                .filter("names", Domain::name)
                .filter("organization_guids", Domain::organizationGuid)
                .apply(store.domains.all()).stream().map(presenter::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, domains));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(store.domain(request.pathParam("guid").orElseThrow())));
    }

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "name", "internal", "relationships", "metadata",
                "router_group", "enforce_route_policies", "route_policies_scope");
        String name = message.requiredString("name", "Name");
        boolean internal = message.body().path("internal").asBoolean(false);
        String orgGuid = message.body().path("relationships").path("organization").path("data").path("guid").asText(null);
        String routerGroup = message.body().path("router_group").path("guid").asText(null);
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();
        if (orgGuid != null && !store.organizations.contains(orgGuid)) {
            throw CcError.unprocessable("Organization with guid '" + orgGuid + "' does not exist or you do not have access to it.");
        }
        if (routerGroup != null && internal) {
            throw CcError.unprocessable("Internal domains cannot be associated to a router group.");
        }
        if (routerGroup != null && orgGuid != null) {
            throw CcError.unprocessable("Domains scoped to an organization cannot be associated to a router group.");
        }
        if (routerGroup != null && !routerGroups.exists(routerGroup)) {
            throw CcError.unprocessable("Router group with guid '" + routerGroup + "' not found.");
        }
        Domain domain = new Domain(CcRepositories.newGuid(), name.toLowerCase(java.util.Locale.ROOT), internal, orgGuid,
                store.now(), store.now(), metadata, routerGroup);
        if (!store.domains.addUnless(domain, other -> other.name().equals(domain.name()))) {
            throw CcError.unprocessable("The domain name \"" + domain.name() + "\" is already in use");
        }
        return V3Json.created(presenter.present(domain));
    }

    /** {@code DELETE /v3/domains/:guid}: a job; the domain's routes go with it. */
    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        String guid = store.domain(request.pathParam("guid").orElseThrow()).guid();
        return V3Json.acceptedJob(jobs.enqueue("domain.delete", "domain", guid, () -> deleter.deleteDomain(guid)));
    }
}
