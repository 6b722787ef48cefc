package vigil.availability;

/** The probes did not all succeed once within the time allowed: the target is not there to be measured. */
public final class ProbesNotLiveException extends Exception {
    public ProbesNotLiveException(String message) {
        super(message);
    }
}
