package vigil.cf;

/** UAA refused to issue a token (bad credentials, unknown client, unsupported grant). */
public final class AuthenticationException extends RuntimeException {
    private final int status;
    private final String error;

    AuthenticationException(String message, int status, String error) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** UAA's {@code error} field, e.g. {@code unauthorized} or {@code invalid_client}. */
    public String error() {
        return error;
    }
}
