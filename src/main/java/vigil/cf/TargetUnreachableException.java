package vigil.cf;

/** The CF API (or its UAA) could not be reached at all: DNS, connection refused, TLS, timeout. */
public final class TargetUnreachableException extends RuntimeException {
    TargetUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
