package vigil.cf;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v3/organizations}. */
public final class Organizations {
    private final CfClient cf;

    Organizations(CfClient cf) {
        this.cf = cf;
    }

    public Organization create(String name) {
        return cf.post("/v3/organizations", Map.of("name", name), Organization.class);
    }

    public Optional<Organization> find(String name) {
        return cf.list("/v3/organizations?names=" + Query.encode(name), Organization.class).stream().findFirst();
    }

    public List<Organization> list() {
        return cf.list("/v3/organizations", Organization.class);
    }

    /** Deletes the org and everything in it; returns once CC's job is complete. */
    public void delete(String guid) {
        cf.sendAndAwaitJob("DELETE", "/v3/organizations/" + guid, null);
    }
}
