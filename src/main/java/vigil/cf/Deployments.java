package vigil.cf;

import java.util.Map;
import org.awaitility.Awaitility;

/** {@code /v3/deployments}: rolling an app onto a new droplet, and cancelling it. */
public final class Deployments {
    private final CfClient cf;

    Deployments(CfClient cf) {
        this.cf = cf;
    }

    /** Starts a rolling deployment of the droplet, {@code maxInFlight} instances at a time. */
    public Deployment start(String appGuid, String dropletGuid, int maxInFlight) {
        return cf.post("/v3/deployments", Map.of(
                "droplet", Map.of("guid", dropletGuid),
                "strategy", "rolling",
                "options", Map.of("max_in_flight", maxInFlight),
                "relationships", Map.of("app", Relationship.to(appGuid))), Deployment.class);
    }

    public Deployment get(String guid) {
        return cf.get("/v3/deployments/" + guid, Deployment.class);
    }

    public void cancel(String guid) {
        cf.send("POST", "/v3/deployments/" + guid + "/actions/cancel", null);
    }

    /** Awaits the deployment FINALIZED and returns it (its reason says DEPLOYED, CANCELED, ...). */
    public Deployment awaitFinalized(String guid) {
        return Awaitility.await("deployment " + guid + " to be FINALIZED")
                .pollInSameThread().pollInterval(cf.timeouts().poll()).atMost(cf.timeouts().staging())
                .until(() -> get(guid), d -> d.statusValue().equals("FINALIZED"));
    }
}
