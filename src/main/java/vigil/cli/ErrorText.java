package vigil.cli;

/** The one-line text shown for an error that ends a command: its message, never a stack trace. */
final class ErrorText {
    private ErrorText() {
    }

    static String of(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return "internal error: " + error.getClass().getName() + " (please report it)";
        }
        return message;
    }
}
