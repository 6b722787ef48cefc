package vigil.report;

import java.io.IOException;
import java.nio.file.Path;

/** summary.json is missing or is not a valid {@value Summary#SCHEMA} file; the message says which and why. */
public final class SummaryReadException extends IOException {
    private final transient Path file;

    SummaryReadException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
