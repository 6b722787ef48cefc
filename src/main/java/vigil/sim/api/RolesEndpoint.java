package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/roles}: create (an organization role creates the CC user if needed; a space role needs
 * the user to have a role in the space's organization), get, list and delete (a job), with CC's
 * validation texts. Who may create or delete which role is {@link AccessControl}'s business.
 */
final class RolesEndpoint {

    private static final String PATH = "/v3/roles";
    private static final List<String> FILTERS = List.of("types", "space_guids", "organization_guids", "user_guids",
            "include");
    private static final String NO_ORG_ROLE =
            "Users cannot be assigned roles in a space if they do not have a role in that space's organization.";

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final RolePresenter presenter;
    private final JobRunner jobs;
    private final UsersEndpoint users;

    RolesEndpoint(ApiUrlBuilder urls, CcRepositories store, JobRunner jobs, UsersEndpoint users) {
        this.urls = urls;
        this.store = store;
        this.presenter = new RolePresenter(urls);
        this.jobs = jobs;
        this.users = users;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        List<ObjectNode> roles = new Listing<Role>(query)
                .filter("types", Role::type)
                .filter("space_guids", Role::spaceGuid)
                .filter("organization_guids", Role::organizationGuid)
                .filter("user_guids", Role::userGuid)
                .apply(store.roles.all()).stream().map(presenter::present).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, roles));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(store.role(request.pathParam("guid").orElseThrow())));
    }

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "type", "relationships");
        String type = message.body().path("type").asText("");
        List<String> allTypes = new ArrayList<>(Role.ORGANIZATION_TYPES);
        allTypes.addAll(Role.SPACE_TYPES);
        if (!allTypes.contains(type)) {
            message.problem("Type must be one of the allowed types " + allTypes.stream()
                    .map(each -> "\"" + each + "\"").collect(Collectors.joining(", ", "[", "]")));
        }
        JsonNode relationships = message.body().path("relationships");
        String userGuid = relationships.path("user").path("data").path("guid").asText(null);
        String spaceGuid = relationships.path("space").path("data").path("guid").asText(null);
        String orgGuid = relationships.path("organization").path("data").path("guid").asText(null);
        if (!relationships.isObject()) {
            message.problem("Relationships must be an object");
        } else {
            message.rejectUnknown(relationships, "user", "space", "organization");
            if (userGuid == null) {
                message.problem("Relationships User must have a username or guid specified");
            }
            if (spaceGuid == null && orgGuid == null) {
                message.problem("Relationships must specify either a space or an organization.");
            } else if (spaceGuid != null && orgGuid != null) {
                message.problem("Relationships cannot specify both an organization and a space.");
            } else if (spaceGuid != null && Role.ORGANIZATION_TYPES.contains(type)) {
                message.problem("Relationships Space cannot be provided with the organization role type: '" + type + "'.");
            } else if (orgGuid != null && Role.SPACE_TYPES.contains(type)) {
                message.problem("Relationships Organization cannot be provided with the space role type: '" + type + "'.");
            }
        }
        message.validate();
        Role role = spaceGuid != null ? spaceRole(type, userGuid, spaceGuid) : organizationRole(type, userGuid, orgGuid, request);
        return V3Json.created(presenter.present(role));
    }

    private Role spaceRole(String type, String userGuid, String spaceGuid) {
        Space space = store.spaces.get(spaceGuid).orElseThrow(() ->
                CcError.unprocessable("Invalid space. Ensure that the space exists and you have access to it."));
        User user = store.users.get(userGuid).orElseThrow(() -> CcError.unprocessable(NO_ORG_ROLE));
        if (!store.roles.any(role -> role.userGuid().equals(userGuid)
                && space.organizationGuid().equals(role.organizationGuid()))) {
            throw CcError.unprocessable(NO_ORG_ROLE);
        }
        Role role = new Role(CcRepositories.newGuid(), type, userGuid, null, spaceGuid, store.now(), store.now());
        if (!store.roles.addUnless(role, other -> spaceGuid.equals(other.spaceGuid()) && other.userGuid().equals(userGuid)
                && other.type().equals(type))) {
            throw CcError.unprocessable("User '" + user.presentationName() + "' already has '" + type + "' role in space '"
                    + space.name() + "'.");
        }
        return role;
    }

    private Role organizationRole(String type, String userGuid, String orgGuid, Request request) {
        Organization org = store.organizations.get(orgGuid).orElseThrow(() ->
                CcError.unprocessable("Invalid organization. Ensure that the organization exists and you have access to it."));
        User user = store.users.get(userGuid).orElseGet(() -> {
            try {
                return users.createUser(userGuid, Metadata.EMPTY, request);
            } catch (ApiError concurrentlyCreated) {
                return store.user(userGuid);
            }
        });
        Role role = new Role(CcRepositories.newGuid(), type, userGuid, orgGuid, null, store.now(), store.now());
        if (!store.roles.addUnless(role, other -> orgGuid.equals(other.organizationGuid())
                && other.userGuid().equals(userGuid) && other.type().equals(type))) {
            throw CcError.unprocessable("User '" + user.presentationName() + "' already has '" + type
                    + "' role in organization '" + org.name() + "'.");
        }
        return role;
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        Role role = store.role(request.pathParam("guid").orElseThrow());
        if (Role.ORGANIZATION_USER.equals(role.type()) && store.roles.any(other -> other.forSpace()
                && other.userGuid().equals(role.userGuid())
                && role.organizationGuid().equals(store.organizationGuidOfSpace(other.spaceGuid())))) {
            throw CcError.unprocessable("Cannot delete organization_user role while user has roles in spaces in that organization.");
        }
        return V3Json.acceptedJob(jobs.enqueue("role.delete", "role", role.guid(), () -> store.roles.remove(role.guid())));
    }
}
