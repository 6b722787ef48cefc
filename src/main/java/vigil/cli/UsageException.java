package vigil.cli;

/** A command line that cannot be carried out as given (e.g. an unknown suite). Exit code 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
