package vigil.sim.cells;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the working directory of an instance, a task or the cells, best effort: what a process that is still
 * exiting holds open stays, and that is logged at debug, never thrown.
 */
final class WorkDirectories {
    private static final Logger LOG = LoggerFactory.getLogger(WorkDirectories.class);

    private WorkDirectories() {
    }

    static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not delete {}: {}", directory, e.getMessage());
        }
    }
}
