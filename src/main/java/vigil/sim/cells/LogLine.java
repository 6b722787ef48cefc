package vigil.sim.cells;

import java.time.Instant;

/**
 * One line an app instance wrote, kept for the log API.
 *
 * @param sourceType as CF labels it: {@code APP/PROC/WEB} for the web process, {@code STG} for staging, ...
 * @param instanceId the instance index as a string, as log-cache's envelope {@code instance_id}
 * @param stderr     whether it came from stderr
 */
public record LogLine(Instant timestamp, String appGuid, String sourceType, String instanceId, boolean stderr,
                      String text) {
}
