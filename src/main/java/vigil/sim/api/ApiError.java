package vigil.sim.api;

/** Thrown by endpoints to answer with a Cloud Controller error; {@link CcErrorResponse} renders it. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CcError error;
    private final String detail;

    ApiError(CcError error, String detail) {
        super(error.title() + ": " + detail);
        this.error = error;
        this.detail = detail;
    }

    CcError error() {
        return error;
    }

    String detail() {
        return detail;
    }
}
