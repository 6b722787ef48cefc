package vigil.sim.api;

import java.util.List;

/** Thrown by endpoints to answer with a Cloud Controller error; {@link CcErrorResponse} renders it. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CcError error;
    private final String detail;
    private final transient List<ApiError> compound;

    ApiError(CcError error, String detail) {
        super(error.title() + ": " + detail);
        this.error = error;
        this.detail = detail;
        this.compound = List.of();
    }

    private ApiError(List<ApiError> errors) {
        super(errors.get(0).getMessage());
        this.error = errors.get(0).error;
        this.detail = errors.get(0).detail;
        this.compound = List.copyOf(errors);
    }

    /** CC's CompoundError: several errors answered together (a manifest's problems), with the first one's status. */
    static ApiError compound(List<ApiError> errors) {
        return errors.size() == 1 ? errors.get(0) : new ApiError(errors);
    }

    /** Every error this one stands for: itself, or each of a compound. */
    List<ApiError> all() {
        return compound.isEmpty() ? List.of(this) : compound;
    }

    CcError error() {
        return error;
    }

    String detail() {
        return detail;
    }
}
