package vigil.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import vigil.cf.CfApiException;
import vigil.cf.CfClient;
import vigil.config.VigilConfig;

/**
 * The embedded CF's own platform deploy or fault, through its admin API (over HTTP, as the harness reaches
 * everything), for availability scenarios run without {@code --during}. On a real CF without {@code --during}
 * there is nothing to measure: that is said plainly instead of measuring an idle platform and calling it a pass.
 */
final class PlatformChange {
    private static final String DEPLOYS = "/vigil/admin/deploy";

    private final CfClient cf;
    private final VigilConfig config;

    PlatformChange(CfClient cf, VigilConfig config) {
        this.cf = cf;
        this.config = config;
    }

    /** The embedded CF's own platform deploy, with or without evacuation (a real CF's deploy is --during). */
    void deploy(boolean evacuation) {
        JsonNode started = adminPost(DEPLOYS, Map.of("evacuation", evacuation, "drain_seconds", 1));
        String id = started.path("id").asText();
        JsonNode end = Awaitility.await("the embedded CF's platform deploy " + id + " to end")
                .pollInSameThread().pollInterval(Duration.ofMillis(250)).atMost(config.scaled(Duration.ofMinutes(5)))
                .until(() -> cf.getJson("/vigil/admin/deploys/" + id), d -> !"running".equals(d.path("state").asText()));
        if (!"succeeded".equals(end.path("state").asText())) {
            throw new AssertionError("the platform deploy " + id + " did not succeed: " + end);
        }
    }

    /** A cell fails (the embedded CF's kill-cell fault) for the given time. */
    void killCell(Duration duration) {
        adminPost("/vigil/admin/faults", Map.of("kind", "kill-cell", "duration_seconds", duration.toSeconds()));
    }

    private JsonNode adminPost(String path, Map<String, Object> body) {
        try {
            return cf.postJson(path, body);
        } catch (CfApiException e) {
            if (e.status() == 404) {
                throw new AssertionError("this CF has no platform change to measure: pass the deploy or fault script"
                        + " with --during CMD (e.g. --during \"bosh -d cf deploy cf.yml\")");
            }
            throw e;
        }
    }
}
