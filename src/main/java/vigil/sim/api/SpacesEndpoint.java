package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/spaces}: create (in an organization), get, list, update, and delete, which in v3 is a
 * job that deletes the space's apps and routes too.
 */
final class SpacesEndpoint {

    private static final String PATH = "/v3/spaces";
    private static final List<String> FILTERS = List.of("names", "organization_guids", "include", "label_selector");
    private static final List<String> ORDER_FIELDS = List.of("name");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final SpacePresenter presenter;
    private final JobRunner jobs;
    private final ResourceDeleter deleter;

    SpacesEndpoint(ApiUrlBuilder urls, CcRepositories store, JobRunner jobs, ResourceDeleter deleter) {
        this.urls = urls;
        this.store = store;
        this.presenter = new SpacePresenter(urls);
        this.jobs = jobs;
        this.deleter = deleter;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, ORDER_FIELDS);
        List<ObjectNode> spaces = new Listing<Space>(query)
                .filter("names", Space::name)
                .filter("organization_guids", Space::organizationGuid)
                .orderByName(Space::name)
                .apply(store.spaces.all()).stream().map(presenter::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, spaces));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(store.space(request.pathParam("guid").orElseThrow())));
    }

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "name", "relationships", "metadata");
        String name = message.requiredString("name", "Name");
        String orgGuid = message.relationshipGuid("organization", "Organization");
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();
        if (!store.organizations.contains(orgGuid)) {
            throw CcError.unprocessable("Invalid organization. Ensure the organization exists and you have access to it.");
        }
        Space space = new Space(CcRepositories.newGuid(), name, orgGuid, store.now(), store.now(), metadata);
        if (!store.spaces.addUnless(space, other -> other.organizationGuid().equals(orgGuid)
                && other.name().equalsIgnoreCase(name))) {
            throw CcError.unprocessable("Name must be unique per organization");
        }
        return V3Json.created(presenter.present(space));
    }

    Response update(Request request, SecurityContext security) {
        security.requireWriter();
        String guid = request.pathParam("guid").orElseThrow();
        Space current = store.space(guid);
        RequestMessage message = RequestMessage.of(request, "name", "metadata");
        String name = message.optionalString("name", "Name").orElse(current.name());
        Metadata metadata = current.metadata().updatedBy(message);
        message.validate();
        Space updated = store.spaces.update(guid, space -> {
            if (store.spaces.any(other -> !other.guid().equals(guid)
                    && other.organizationGuid().equals(space.organizationGuid()) && other.name().equalsIgnoreCase(name))) {
                String orgName = store.organizations.get(space.organizationGuid()).map(Organization::name).orElse("");
                throw CcError.unprocessable("Organization '" + orgName + "' already contains a space with name '" + name + "'.");
            }
            return space.renamed(name, metadata, store.now());
        }).orElseThrow(() -> CcError.notFound("Space"));
        return V3Json.ok(presenter.present(updated));
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        String guid = store.space(request.pathParam("guid").orElseThrow()).guid();
        return V3Json.acceptedJob(jobs.enqueue("space.delete", "space", guid, () -> deleter.deleteSpace(guid)));
    }
}
