package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/** A domain in CC's field order; a TCP domain names its router group. The sim has no route policies. */
final class DomainPresenter {

    private final ApiUrlBuilder urls;

    DomainPresenter(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    ObjectNode present(Domain domain) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", domain.guid());
        node.put("created_at", CcTimestamp.format(domain.createdAt()));
        node.put("updated_at", CcTimestamp.format(domain.updatedAt()));
        node.put("name", domain.name());
        node.put("internal", domain.internal());
        if (domain.tcp()) {
            node.putObject("router_group").put("guid", domain.routerGroupGuid());
        } else {
            node.putNull("router_group");
        }
        node.putArray("supported_protocols").add(domain.tcp() ? "tcp" : "http");
        ObjectNode relationships = node.putObject("relationships");
        Relationships.toOne(relationships, "organization", domain.organizationGuid());
        relationships.putObject("shared_organizations").putArray("data");
        node.set("metadata", domain.metadata().present());
        String self = "/v3/domains/" + domain.guid();
        Links links = Links.of(node, urls)
                .add("self", self)
                .add("route_reservations", self + "/route_reservations");
        if (!domain.shared()) {
            links.add("organization", "/v3/organizations/" + domain.organizationGuid())
                 .add("shared_organizations", self + "/relationships/shared_organizations");
        }
        return node;
    }
}
