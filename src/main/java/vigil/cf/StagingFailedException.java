package vigil.cf;

/** Staging failed: the build is FAILED with CF's reason (e.g. no buildpack detected the app). */
public final class StagingFailedException extends RuntimeException {
    private final String buildGuid;
    private final String reason;

    StagingFailedException(String buildGuid, String reason) {
        super("staging failed (build " + buildGuid + "): " + reason);
        this.buildGuid = buildGuid;
        this.reason = reason;
    }

    public String buildGuid() {
        return buildGuid;
    }

    public String reason() {
        return reason;
    }
}
