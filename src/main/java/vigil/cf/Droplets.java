package vigil.cf;

import java.util.Map;
import org.awaitility.Awaitility;

/** {@code /v3/droplets}: staged droplets, and copies of one to other apps (stage once, run many). */
public final class Droplets {
    private final CfClient cf;

    Droplets(CfClient cf) {
        this.cf = cf;
    }

    public Droplet get(String guid) {
        return cf.get("/v3/droplets/" + guid, Droplet.class);
    }

    /** The app's current droplet. */
    public Droplet current(String appGuid) {
        return cf.get("/v3/apps/" + appGuid + "/droplets/current", Droplet.class);
    }

    /** Copies a staged droplet to another app and awaits the copy STAGED. */
    public Droplet copy(String sourceDropletGuid, String appGuid) {
        Droplet copy = cf.post("/v3/droplets?source_guid=" + sourceDropletGuid,
                Map.of("relationships", Map.of("app", Relationship.to(appGuid))), Droplet.class);
        Timeouts timeouts = cf.timeouts();
        return Awaitility.await("copy " + copy.guid() + " of droplet " + sourceDropletGuid + " to be STAGED")
                .pollInSameThread()
                .pollInterval(timeouts.poll())
                .atMost(timeouts.staging())
                .until(() -> get(copy.guid()), d -> !d.state().equals("COPYING") && !d.state().equals("PROCESSING_UPLOAD"));
    }
}
