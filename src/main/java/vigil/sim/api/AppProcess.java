package vigil.sim.api;

import java.time.Instant;

/**
 * An app's process. The web process has the app's guid, as in CC.
 *
 * @param command the user's command, or null to run the droplet's detected one
 * @param version changes whenever running instances must be replaced (start, restart, command or health check change)
 */
record AppProcess(String guid, String appGuid, String type, String command, int instances, int memoryMb, int diskMb,
               long logRateLimit, HealthCheckSpec healthCheck, String version, Instant createdAt, Instant updatedAt,
               Metadata metadata) implements CcResource {

    static final String WEB = "web";

    /**
     * CC's health check settings; the numbers are null when not set (the runtime then uses its defaults).
     */
    record HealthCheckSpec(String type, Integer timeout, Integer invocationTimeout, Integer interval, String endpoint) {
        static HealthCheckSpec defaultFor(String processType) {
            return new HealthCheckSpec(WEB.equals(processType) ? "port" : "process", null, null, null, null);
        }
    }

    AppProcess scaled(int newInstances, int newMemoryMb, int newDiskMb, long newLogRateLimit, Instant now) {
        return new AppProcess(guid, appGuid, type, command, newInstances, newMemoryMb, newDiskMb, newLogRateLimit,
                healthCheck, version, createdAt, now, metadata);
    }

    AppProcess updated(String newCommand, HealthCheckSpec newHealthCheck, Metadata newMetadata, String newVersion,
                    Instant now) {
        return new AppProcess(guid, appGuid, type, newCommand, instances, memoryMb, diskMb, logRateLimit, newHealthCheck,
                newVersion, createdAt, now, newMetadata);
    }

    AppProcess withVersion(String newVersion, Instant now) {
        return new AppProcess(guid, appGuid, type, command, instances, memoryMb, diskMb, logRateLimit, healthCheck,
                newVersion, createdAt, now, metadata);
    }
}
