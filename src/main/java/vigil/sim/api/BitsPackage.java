package vigil.sim.api;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A bits package. {@code bits} is where the uploaded zip is kept once it is READY.
 *
 * @param sha256 the checksum of the uploaded bits, null before
 */
record BitsPackage(String guid, String appGuid, String state, String sha256, String error, Path bits,
               Instant createdAt, Instant updatedAt, Metadata metadata) implements CcResource {

    static final String AWAITING_UPLOAD = "AWAITING_UPLOAD";
    static final String PROCESSING_UPLOAD = "PROCESSING_UPLOAD";
    static final String READY = "READY";
    static final String FAILED = "FAILED";

    BitsPackage withState(String newState, String newSha256, String newError, Path newBits, Instant now) {
        return new BitsPackage(guid, appGuid, newState, newSha256, newError, newBits, createdAt, now, metadata);
    }

    BitsPackage withMetadata(Metadata newMetadata, Instant now) {
        return new BitsPackage(guid, appGuid, state, sha256, error, bits, createdAt, now, newMetadata);
    }
}
