package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/** A space in CC's field order; no space quota, so {@code quota.data} is null and there is no quota link. */
final class SpacePresenter {

    private final ApiUrlBuilder urls;

    SpacePresenter(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    ObjectNode present(Space space) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", space.guid());
        node.put("created_at", CcTimestamp.format(space.createdAt()));
        node.put("updated_at", CcTimestamp.format(space.updatedAt()));
        node.put("name", space.name());
        node.put("suspended", false);
        ObjectNode relationships = node.putObject("relationships");
        Relationships.toOne(relationships, "organization", space.organizationGuid());
        Relationships.toOne(relationships, "quota", null);
        node.set("metadata", space.metadata().present());
        String self = "/v3/spaces/" + space.guid();
        Links.of(node, urls)
             .add("self", self)
             .add("organization", "/v3/organizations/" + space.organizationGuid())
             .add("features", self + "/features")
             .add("apply_manifest", self + "/actions/apply_manifest", "POST");
        return node;
    }
}
