package vigil.cf;

import java.util.Map;
import org.awaitility.Awaitility;

/** {@code /v3/builds}: staging a package into a droplet. */
public final class Builds {
    private final CfClient cf;

    Builds(CfClient cf) {
        this.cf = cf;
    }

    public Build get(String guid) {
        return cf.get("/v3/builds/" + guid, Build.class);
    }

    /** Stages the package and awaits the end: a STAGED build (with its droplet) or a FAILED one (with its error). */
    public Build stage(String packageGuid) {
        Build build = cf.post("/v3/builds", Map.of("package", Map.of("guid", packageGuid)), Build.class);
        Timeouts timeouts = cf.timeouts();
        return Awaitility.await("build " + build.guid() + " of package " + packageGuid + " to finish staging")
                .pollInSameThread()
                .pollInterval(timeouts.poll())
                .atMost(timeouts.staging())
                .until(() -> cf.get("/v3/builds/" + build.guid(), Build.class), b -> !b.state().equals("STAGING"));
    }
}
