package vigil.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a file or a whole folder of earlier reports; a missing path is already removed. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Deletes {@code path} and, when it is a folder, everything in it; fails on the first file it cannot delete. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
