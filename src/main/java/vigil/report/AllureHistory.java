package vigil.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder that carries Allure's history from one run to the next ({@code vigil run --history DIR}), so that the
 * HTML report shows trends across nightly runs. Allure's documented way: before generating, copy the previous
 * report's {@code history/} into the results; after generating, keep the new report's {@code history/}.
 * The folder holds that {@code history/} folder: {@code DIR/history/history-trend.json}, ...
 *
 * <p>Example: {@code AllureHistory.open(Path.of("/var/vigil/history"))}, then hand it to
 * {@link AllureHtmlGenerator#withHistory}.
 */
public final class AllureHistory {
    private static final String HISTORY = "history";

    private final Path dir;

    private AllureHistory(Path dir) {
        this.dir = dir;
    }

    /**
     * The history folder {@code dir}, created when missing.
     *
     * @throws IOException when it cannot be created or written, with a message that names the folder
     */
    public static AllureHistory open(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.resolve(HISTORY));
            // Whether it is writable shows only by writing: permission bits say nothing for root or on some mounts.
            Files.delete(Files.createTempFile(absolute.resolve(HISTORY), ".vigil-write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IOException(absolute + " cannot be created or written (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        return new AllureHistory(absolute);
    }

    public Path dir() {
        return dir;
    }

    /** Copies the kept history into {@code resultsDir/history/}, where Allure reads the previous runs. */
    void restoreInto(Path resultsDir) throws IOException {
        copyFiles(dir.resolve(HISTORY), resultsDir.resolve(HISTORY));
    }

    /** Keeps the history of the report in {@code reportDir} (its {@code history/}) for the next run. */
    void keepFrom(Path reportDir) throws IOException {
        Path generated = reportDir.resolve(HISTORY);
        if (!Files.isDirectory(generated)) {
            throw new IOException("the Allure report has no " + HISTORY + "/ folder in " + reportDir);
        }
        copyFiles(generated, dir.resolve(HISTORY));
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(from)) {
            files = list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        }
        for (Path file : files) {
            // Each file whole or not at all: a run killed while copying must not leave a truncated trend behind.
            AtomicFileWriter.write(to.resolve(file.getFileName().toString()), out -> Files.copy(file, out));
        }
    }
}
