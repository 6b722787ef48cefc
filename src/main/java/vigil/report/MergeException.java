package vigil.report;

/** The reports given to {@code vigil merge} cannot be merged; the message names the file and what is wrong. */
public final class MergeException extends Exception {
    MergeException(String message) {
        super(message);
    }
}
