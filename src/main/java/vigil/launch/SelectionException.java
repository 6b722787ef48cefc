package vigil.launch;

/** The selection of scenarios is unusable: a bad tag expression, a missing features folder, nothing selected. */
public final class SelectionException extends Exception {
    SelectionException(String message) {
        super(message);
    }
}
