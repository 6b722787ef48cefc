package vigil.sim.api;

/**
 * The Cloud Controller errors the sim raises, with CC's codes, names, HTTP statuses and message
 * formats (CC's {@code errors/v2.yml}). Clients match on code and title, some on the detail text.
 */
enum CcError {
    INVALID_AUTH_TOKEN(1000, "InvalidAuthToken", 401, "Invalid Auth Token"),
    MESSAGE_PARSE_ERROR(1001, "MessageParseError", 400, "Request invalid due to parse error: %s"),
    BAD_REQUEST(1004, "BadRequest", 400, "Bad request: %s"),
    NOT_FOUND(10000, "NotFound", 404, "Unknown request"),
    UNKNOWN_ERROR(10001, "UnknownError", 500, "An unknown error occurred."),
    NOT_AUTHENTICATED(10002, "NotAuthenticated", 401, "Authentication error"),
    NOT_AUTHORIZED(10003, "NotAuthorized", 403, "You are not authorized to perform the requested action"),
    BAD_QUERY_PARAMETER(10005, "BadQueryParameter", 400, "The query parameter is invalid: %s"),
    UNPROCESSABLE_ENTITY(10008, "UnprocessableEntity", 422, "%s"),
    RESOURCE_NOT_FOUND(10010, "ResourceNotFound", 404, "%s"),
    PROCESS_NOT_FOUND(350003, "ProcessNotFound", 404, "The process could not be found: %s"),
    RATE_LIMIT_EXCEEDED(10013, "RateLimitExceeded", 429, "Rate Limit Exceeded"),
    SERVICE_UNAVAILABLE(10015, "ServiceUnavailable", 503, "%s"),
    UNIQUENESS_ERROR(10016, "UniquenessError", 422, "%s"),
    PACKAGE_BITS_ALREADY_UPLOADED(150004, "PackageBitsAlreadyUploaded", 400,
            "Bits may be uploaded only once. Create a new package to upload different bits."),
    STAGING_ERROR(170001, "StagingError", 400, "Staging error: %s"),
    NO_APP_DETECTED_ERROR(170003, "NoAppDetectedError", 400, "An app was not successfully detected by any available buildpack"),
    // cf ssh: the SSH proxy's access check (GET /internal/apps/:guid/ssh_access/:index, CC's v2 side)
    INVALID_REQUEST(10004, "InvalidRequest", 400, "The request is invalid"),
    APP_NOT_FOUND(100004, "AppNotFound", 404, "The app could not be found: %s"),
    // service brokers
    SERVICE_BROKER_BAD_RESPONSE(10001, "ServiceBrokerBadResponse", 502, "%s"),
    SERVICE_BROKER_CATALOG_INVALID(270012, "ServiceBrokerCatalogInvalid", 502, "Service broker catalog is invalid: %s"),
    SERVICE_BROKER_UNREACHABLE(10001, "ServiceBrokerApiUnreachable", 502, "The service broker API could not be reached: %s");

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

    /** CC's {@code resource_not_found!}: "App not found", "Process not found", ... */
    static ApiError notFound(String resource) {
        return RESOURCE_NOT_FOUND.raise(resource + " not found");
    }

    static ApiError unprocessable(String detail) {
        return UNPROCESSABLE_ENTITY.raise(detail);
    }

    /** The name without {@code CF-}, as CC stores a failed build's {@code error_id}. */
    String errorName() {
        return name;
    }
}
