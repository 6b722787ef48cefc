package vigil.sim.api;

/**
 * The Cloud Controller errors the sim raises, with CC's codes, names, HTTP statuses and message
 * formats (CC's {@code errors/v2.yml}). Clients match on code and title, some on the detail text.
 */
enum CcError {
    INVALID_AUTH_TOKEN(1000, "InvalidAuthToken", 401, "Invalid Auth Token"),
    NOT_FOUND(10000, "NotFound", 404, "Unknown request"),
    UNKNOWN_ERROR(10001, "UnknownError", 500, "An unknown error occurred."),
    NOT_AUTHENTICATED(10002, "NotAuthenticated", 401, "Authentication error"),
    NOT_AUTHORIZED(10003, "NotAuthorized", 403, "You are not authorized to perform the requested action"),
    BAD_QUERY_PARAMETER(10005, "BadQueryParameter", 400, "The query parameter is invalid: %s");

    private final int code;
    private final String name;
    private final int status;
    private final String format;

    CcError(int code, String name, int status, String format) {
        this.code = code;
        this.name = name;
        this.status = status;
        this.format = format;
    }

    int code() {
        return code;
    }

    int status() {
        return status;
    }

    /** {@code CF-} plus the name, except for the catch-all, which CC reports without the prefix. */
    String title() {
        return this == UNKNOWN_ERROR ? name : "CF-" + name;
    }

    String detail(Object... args) {
        return args.length == 0 ? format : String.format(format, args);
    }

    ApiError raise(Object... args) {
        return new ApiError(this, detail(args));
    }
}
