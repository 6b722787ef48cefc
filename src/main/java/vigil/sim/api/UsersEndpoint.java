package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/users}: create by guid (the UAA user id; admins only, which {@link AccessControl} enforces),
 * get, list and delete (a job that also removes the user's roles). The user name comes from the UAA.
 */
final class UsersEndpoint {

    private static final String PATH = "/v3/users";
    private static final List<String> FILTERS = List.of("usernames", "partial_usernames", "origins", "label_selector");
    /** CC's GuidValidator: 1 to 200 characters. */
    private static final Pattern GUID = Pattern.compile(".{1,200}");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final UserPresenter presenter;
    private final JobRunner jobs;
    private final UaaUserLookup uaa;

    UsersEndpoint(ApiUrlBuilder urls, CcRepositories store, JobRunner jobs, UaaUserLookup uaa) {
        this.urls = urls;
        this.store = store;
        this.presenter = new UserPresenter(urls);
        this.jobs = jobs;
        this.uaa = uaa;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        List<ObjectNode> users = new Listing<User>(query)
                .filter("usernames", User::userName)
                .filter("origins", User::origin)
                .apply(store.users.all()).stream()
                .filter(user -> query.values("partial_usernames").map(parts -> parts.stream()
                        .anyMatch(part -> user.userName() != null && user.userName().contains(part))).orElse(true))
                .map(presenter::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, users));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(store.user(request.pathParam("guid").orElseThrow())));
    }

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "guid", "username", "origin", "metadata");
        JsonNode guidNode = message.body().get("guid");
        String guid = guidNode != null && guidNode.isTextual() ? guidNode.asText() : null;
        if (guidNode != null && !guidNode.isNull() && (guid == null || !GUID.matcher(guid).matches())) {
            message.problem("Guid must be between 1 and 200 characters");
        }
        if (guid != null && message.has("username")) {
            message.problem("Username cannot be provided with 'guid'");
        }
        if (guid != null && message.has("origin")) {
            message.problem("Origin cannot be provided with 'guid'");
        }
        if (guidNode == null && !message.has("username") && !message.has("origin")) {
            message.problem("Guid or 'username' and 'origin' must be provided");
        }
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();
        if (guid == null) {
            // CC would create a shadow user in UAA for another origin; the sim's UAA has only the uaa origin.
            throw CcError.unprocessable("Origin cannot be 'uaa' when creating a user by username");
        }
        return V3Json.created(presenter.present(createUser(guid, metadata, request)));
    }

    /** Creates the CC user for a UAA id, as role creation also does for an unknown user. */
    User createUser(String guid, Metadata metadata, Request request) {
        UaaUserLookup.UaaIdentity identity = uaa.find(guid, request.header("Authorization"))
                .orElse(new UaaUserLookup.UaaIdentity(null, null));
        User user = new User(guid, identity.userName(), identity.origin(), store.now(), store.now(), metadata);
        if (!store.users.addUnless(user, other -> other.guid().equals(guid))) {
            throw CcError.unprocessable("User with guid '" + guid + "' already exists.");
        }
        return user;
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        String guid = store.user(request.pathParam("guid").orElseThrow()).guid();
        return V3Json.acceptedJob(jobs.enqueue("user.delete", "user", guid, () -> {
            store.roles.where(role -> role.userGuid().equals(guid)).forEach(role -> store.roles.remove(role.guid()));
            store.users.remove(guid);
        }));
    }
}
