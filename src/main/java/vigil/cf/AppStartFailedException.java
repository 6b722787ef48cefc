package vigil.cf;

/** An app did not get all its instances RUNNING: the message carries the instance states and its recent output. */
public final class AppStartFailedException extends RuntimeException {
    AppStartFailedException(String message) {
        super(message);
    }
}
