package vigil.sim.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A staged droplet: for the sim, the app's JAR kept under the work dir.
 *
 * @param packageGuid the package it was staged from; null for a copy
 * @param jar         the stored JAR, null until STAGED
 */
record Droplet(String guid, String appGuid, String packageGuid, String state, String error, String sha256,
               Map<String, String> processTypes, String executionMetadata, String buildpack, String stack, Path jar,
               Instant createdAt, Instant updatedAt, Metadata metadata) implements CcResource {

    static final String STAGED = "STAGED";
    static final String COPYING = "COPYING";
    static final String FAILED = "FAILED";

    Droplet {
        processTypes = Collections.unmodifiableMap(new LinkedHashMap<>(processTypes));
    }

    Droplet copied(String newSha256, Path newJar, Instant now) {
        return new Droplet(guid, appGuid, packageGuid, STAGED, null, newSha256, processTypes, executionMetadata,
                buildpack, stack, newJar, createdAt, now, metadata);
    }

    Droplet failed(String newError, Instant now) {
        return new Droplet(guid, appGuid, packageGuid, FAILED, newError, sha256, processTypes, executionMetadata,
                buildpack, stack, jar, createdAt, now, metadata);
    }

    Droplet withMetadata(Metadata newMetadata, Instant now) {
        return new Droplet(guid, appGuid, packageGuid, state, error, sha256, processTypes, executionMetadata,
                buildpack, stack, jar, createdAt, now, newMetadata);
    }
}
