package vigil.sim.cells;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the Cloud Controller asks the cells to run: one process of an app (Diego's desired LRP).
 * Desiring the same {@code processGuid} again updates it: a new {@code instances} count scales it,
 * a new {@code version} (restart, new droplet, new environment) replaces every instance.
 *
 * @param processGuid the CC process GUID (for the web process CC uses the app GUID)
 * @param droplet     the staged JAR, run with {@code java -jar}
 * @param command     what to run instead of {@code java -jar droplet}, or {@code null}
 * @param environment the app's environment as CC computes it: user env vars, {@code VCAP_SERVICES}, and
 *                    {@code VCAP_APPLICATION} as a JSON object string without the per-instance fields
 *                    ({@code instance_index}, {@code instance_id}, {@code host}, {@code port}), which the
 *                    cells add, together with {@code PORT}, {@code CF_INSTANCE_INDEX}, {@code CF_INSTANCE_GUID},
 *                    {@code CF_INSTANCE_PORT}, {@code CF_INSTANCE_ADDR}
 * @param version     changes whenever the instances must be replaced
 * @param readiness   CC's {@code readiness_health_check}, or {@code null} (type process): while it fails, a running
 *                    instance is not routable, and it is not restarted
 * @param sidecars    processes that run beside each instance, in its directory with its environment, and stop
 *                    with it; one that exits crashes the instance
 */
public record DesiredProcess(String processGuid, String appGuid, String processType, Path droplet, String command,
                             int instances, int memoryMb, int diskMb, Map<String, String> environment,
                             HealthCheck healthCheck, String version, HealthCheck readiness,
                             List<SidecarProcess> sidecars) {
    public DesiredProcess {
        environment = Map.copyOf(environment);
        sidecars = sidecars == null ? List.of() : List.copyOf(sidecars);
        if (instances < 0) {
            throw new IllegalArgumentException("instances must not be negative");
        }
    }

    /** A process with no readiness check and no sidecars. */
    public DesiredProcess(String processGuid, String appGuid, String processType, Path droplet, String command,
                          int instances, int memoryMb, int diskMb, Map<String, String> environment,
                          HealthCheck healthCheck, String version) {
        this(processGuid, appGuid, processType, droplet, command, instances, memoryMb, diskMb, environment,
                healthCheck, version, null, List.of());
    }

    /** The same definition with another instance count (scaling keeps the instances). */
    public DesiredProcess withInstances(int count) {
        return new DesiredProcess(processGuid, appGuid, processType, droplet, command, count, memoryMb, diskMb,
                environment, healthCheck, version, readiness, sidecars);
    }
}
