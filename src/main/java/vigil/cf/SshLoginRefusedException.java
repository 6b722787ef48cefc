package vigil.cf;

/** The SSH proxy refused the login (a bad or used code, no access to the app, SSH disabled, no such instance). */
public final class SshLoginRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SshLoginRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
