package vigil.cf;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v3/spaces}. */
public final class Spaces {
    private final CfClient cf;

    Spaces(CfClient cf) {
        this.cf = cf;
    }

    public Space create(String name, String organizationGuid) {
        return cf.post("/v3/spaces", Map.of("name", name,
                "relationships", Map.of("organization", Relationship.to(organizationGuid))), Space.class);
    }

    public Optional<Space> find(String name, String organizationGuid) {
        return cf.list("/v3/spaces?names=" + Query.encode(name) + "&organization_guids=" + organizationGuid,
                Space.class).stream().findFirst();
    }

    public List<Space> list() {
        return cf.list("/v3/spaces", Space.class);
    }

    /** Deletes the space and everything in it; returns once CC's job is complete. */
    public void delete(String guid) {
        cf.sendAndAwaitJob("DELETE", "/v3/spaces/" + guid, null);
    }
}
