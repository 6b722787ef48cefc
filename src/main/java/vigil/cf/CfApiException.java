package vigil.cf;

/**
 * A Cloud Controller error response, carrying CC's error code, title and detail
 * (e.g. 10010 {@code CF-ResourceNotFound} "App not found").
 */
public final class CfApiException extends RuntimeException {
    private final String request;
    private final int status;
    private final int code;
    private final String title;
    private final String detail;

    CfApiException(String request, int status, int code, String title, String detail) {
        super(request + ": " + status + " " + title + " (" + code + "): " + detail);
        this.request = request;
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    /** Method and path of the request that failed, e.g. {@code GET /v3/apps/123}. */
    public String request() {
        return request;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
