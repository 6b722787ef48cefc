package vigil.cf;

import java.util.Map;
import java.util.Optional;

/** {@code /v3/domains}: finding, making and deleting shared domains (a run's TCP domain). */
public final class Domains {
    private final CfClient cf;

    Domains(CfClient cf) {
        this.cf = cf;
    }

    public Optional<Domain> find(String name) {
        return cf.list("/v3/domains?names=" + Query.encode(name), Domain.class).stream().findFirst();
    }

    /** A shared TCP domain: routes in it carry a port and go through the router group's TCP routers. */
    public Domain createTcp(String name, String routerGroupGuid) {
        return cf.post("/v3/domains", Map.of("name", name, "router_group", Map.of("guid", routerGroupGuid)),
                Domain.class);
    }

    public void delete(String guid) {
        cf.sendAndAwaitJob("DELETE", "/v3/domains/" + guid, null);
    }
}
