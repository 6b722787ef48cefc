package vigil.sim.api;

import java.time.Instant;
import java.util.List;

/** @param error "ID - description" as CC presents a failed build, or null */
record Build(String guid, String appGuid, String packageGuid, String state, String error, int stagingMemoryMb,
             int stagingDiskMb, long stagingLogRateLimit, List<String> buildpacks, String stack, String dropletGuid,
             Caller createdBy, Instant createdAt, Instant updatedAt, Metadata metadata) implements CcResource {

    static final String STAGING = "STAGING";
    static final String STAGED = "STAGED";
    static final String FAILED = "FAILED";

    Build {
        buildpacks = List.copyOf(buildpacks);
    }

    Build staged(String newDropletGuid, Instant now) {
        return new Build(guid, appGuid, packageGuid, STAGED, null, stagingMemoryMb, stagingDiskMb, stagingLogRateLimit,
                buildpacks, stack, newDropletGuid, createdBy, createdAt, now, metadata);
    }

    Build failed(String newError, Instant now) {
        return new Build(guid, appGuid, packageGuid, FAILED, newError, stagingMemoryMb, stagingDiskMb,
                stagingLogRateLimit, buildpacks, stack, null, createdBy, createdAt, now, metadata);
    }

    Build withMetadata(Metadata newMetadata, Instant now) {
        return new Build(guid, appGuid, packageGuid, state, error, stagingMemoryMb, stagingDiskMb, stagingLogRateLimit,
                buildpacks, stack, dropletGuid, createdBy, createdAt, now, newMetadata);
    }
}
