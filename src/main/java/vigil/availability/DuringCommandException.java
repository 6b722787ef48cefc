package vigil.availability;

/** The {@code --during} command could not be started at all. */
public final class DuringCommandException extends Exception {
    public DuringCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
