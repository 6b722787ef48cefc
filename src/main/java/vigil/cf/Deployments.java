package vigil.cf;

import java.util.Map;
import org.awaitility.Awaitility;

/**
 * {@code /v3/deployments}: rolling (or canary) deployments of a new droplet or of an earlier revision; continuing
 * a paused canary, cancelling.
 */
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

    /** Starts a deployment of the droplet with a strategy ({@code rolling} or {@code canary}). */
    public Deployment start(String appGuid, String dropletGuid, String strategy, int maxInFlight) {
        return cf.post("/v3/deployments", Map.of(
                "droplet", Map.of("guid", dropletGuid),
                "strategy", strategy,
                "options", Map.of("max_in_flight", maxInFlight),
                "relationships", Map.of("app", Relationship.to(appGuid))), Deployment.class);
    }

    /** Deploys an earlier revision of the app again (a rollback): its droplet and environment variables. */
    public Deployment rollBack(String appGuid, String revisionGuid) {
        return cf.post("/v3/deployments", Map.of(
                "revision", Map.of("guid", revisionGuid),
                "relationships", Map.of("app", Relationship.to(appGuid))), Deployment.class);
    }

    /** Lets a paused canary deployment go on to replace every instance. */
    public Deployment continueDeployment(String guid) {
        return cf.post("/v3/deployments/" + guid + "/actions/continue", null, Deployment.class);
    }

    /** Awaits the deployment's {@code status.reason}, e.g. PAUSED, and returns it. */
    public Deployment awaitReason(String guid, String reason) {
        return Awaitility.await("deployment " + guid + " to reach status.reason " + reason)
                .pollInSameThread().pollInterval(cf.timeouts().poll()).atMost(cf.timeouts().staging())
                .until(() -> get(guid), d -> d.statusReason().equals(reason) || d.statusValue().equals("FINALIZED"));
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
