package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/** {@code /v3/organizations}: create, get, list, update (name, metadata) and delete (a job, recursive). */
final class OrganizationsEndpoint {

    private static final String PATH = "/v3/organizations";
    private static final List<String> FILTERS = List.of("names", "isolation_segment_guid", "label_selector");
    private static final List<String> ORDER_FIELDS = List.of("name");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final OrganizationPresenter presenter;
    private final JobRunner jobs;
    private final ResourceDeleter deleter;

    OrganizationsEndpoint(ApiUrlBuilder urls, CcRepositories store, JobRunner jobs, ResourceDeleter deleter) {
        this.urls = urls;
        this.store = store;
        this.presenter = new OrganizationPresenter(urls);
        this.jobs = jobs;
        this.deleter = deleter;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, ORDER_FIELDS);
        List<ObjectNode> organizations = new Listing<Organization>(query)
                .filter("names", Organization::name)
                .orderByName(Organization::name)
                .apply(store.organizations.all()).stream().map(presenter::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, organizations));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(store.organization(request.pathParam("guid").orElseThrow())));
    }

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "name", "suspended", "metadata");
        String name = message.requiredString("name", "Name");
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();
        Organization org = new Organization(CcRepositories.newGuid(), name, store.now(), store.now(), metadata);
        if (!store.organizations.addUnless(org, other -> other.name().equalsIgnoreCase(name))) {
            throw CcError.unprocessable("Organization '" + name + "' already exists.");
        }
        return V3Json.created(presenter.present(org));
    }

    Response update(Request request, SecurityContext security) {
        security.requireWriter();
        String guid = request.pathParam("guid").orElseThrow();
        Organization current = store.organization(guid);
        RequestMessage message = RequestMessage.of(request, "name", "suspended", "metadata");
        String name = message.optionalString("name", "Name").orElse(current.name());
        Metadata metadata = current.metadata().updatedBy(message);
        message.validate();
        Organization updated = store.organizations.update(guid, org -> {
            if (store.organizations.any(other -> !other.guid().equals(guid) && other.name().equalsIgnoreCase(name))) {
                throw CcError.unprocessable("Organization name '" + name + "' is already taken.");
            }
            return org.renamed(name, metadata, store.now());
        }).orElseThrow(() -> CcError.notFound("Organization"));
        return V3Json.ok(presenter.present(updated));
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        String guid = store.organization(request.pathParam("guid").orElseThrow()).guid();
        return V3Json.acceptedJob(jobs.enqueue("organization.delete", "organization", guid,
                () -> deleter.deleteOrganization(guid)));
    }
}
