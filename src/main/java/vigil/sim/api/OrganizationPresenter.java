package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/** An organization in CC's field order. */
final class OrganizationPresenter {

    /** The sim has no quotas; CC always names one, so every org points at this default. */
    static final String DEFAULT_QUOTA_GUID = "7e0bd0b6-0ae6-4b8a-9f3d-3fbdd1a3d8e0";

    private final ApiUrlBuilder urls;

    OrganizationPresenter(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    ObjectNode present(Organization org) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", org.guid());
        node.put("created_at", CcTimestamp.format(org.createdAt()));
        node.put("updated_at", CcTimestamp.format(org.updatedAt()));
        node.put("name", org.name());
        node.put("suspended", false);
        Relationships.toOne(node.putObject("relationships"), "quota", DEFAULT_QUOTA_GUID);
        node.set("metadata", org.metadata().present());
        String self = "/v3/organizations/" + org.guid();
        Links.of(node, urls)
             .add("self", self)
             .add("domains", self + "/domains")
             .add("default_domain", self + "/domains/default")
             .add("quota", "/v3/organization_quotas/" + DEFAULT_QUOTA_GUID);
        return node;
    }
}
