package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/**
 * A role in CC's field order: no metadata; a space role has {@code organization.data} null and an
 * organization role {@code space.data} null, and each links only to what it has.
 */
final class RolePresenter {

    private final ApiUrlBuilder urls;

    RolePresenter(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    ObjectNode present(Role role) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", role.guid());
        node.put("created_at", CcTimestamp.format(role.createdAt()));
        node.put("updated_at", CcTimestamp.format(role.updatedAt()));
        node.put("type", role.type());
        ObjectNode relationships = node.putObject("relationships");
        Relationships.toOne(relationships, "user", role.userGuid());
        if (role.forSpace()) {
            Relationships.toOne(relationships, "space", role.spaceGuid());
            Relationships.toOne(relationships, "organization", null);
        } else {
            Relationships.toOne(relationships, "organization", role.organizationGuid());
            Relationships.toOne(relationships, "space", null);
        }
        Links links = Links.of(node, urls)
                .add("self", "/v3/roles/" + role.guid())
                .add("user", "/v3/users/" + role.userGuid());
        if (role.forSpace()) {
            links.add("space", "/v3/spaces/" + role.spaceGuid());
        } else {
            links.add("organization", "/v3/organizations/" + role.organizationGuid());
        }
        return node;
    }
}
