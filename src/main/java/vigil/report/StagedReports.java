package vigil.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One command's reports, written into a staging folder inside the reports folder and put in place whole when
 * complete, so that the reports folder always holds the reports of exactly one run, never a mix of two.
 *
 * <p>While a run goes on it writes into {@code <reports>/.vigil-run-<pid>-<n>/}; the previous run's reports stay
 * where they are, untouched. {@link #publish} then moves the previous run's files out ({@code summary.json} first)
 * and this run's in ({@code summary.json} last): a reader that sees a {@code summary.json} sees the complete
 * reports of the run it names. A run that ran nothing (target unreachable, login refused) still puts its own
 * {@code summary.json} in place, so a gate never takes an older run's verdict for this one; the last reports that
 * did hold results are kept in {@code <reports>/previous/} until a run with results replaces them. Only the
 * report files Vigil writes are moved; anything else in the folder is left alone.
 *
 * <p>Example: {@code StagedReports staged = StagedReports.open(Path.of("reports"));} write into
 * {@code staged.dir()}, then {@code staged.publish(true)}.
 */
public final class StagedReports {
    /** Where the last reports that held results are kept when a run that ran nothing replaces them. */
    public static final String PREVIOUS = "previous";
    /** Every file and folder a run, a monitor or a merge writes (the README's layout); summary.json first. */
    static final List<String> ENTRIES = List.of("summary.json", "junit", "cucumber", "allure-results",
            "allure-report", "availability", "during.log");
    private static final String STAGING_PREFIX = ".vigil-run-";
    private static final String OLD_PREFIX = ".vigil-old-";

    private final Path target;
    private final Path staging;
    private boolean done;

    private StagedReports(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Makes the reports folder (when missing) and a fresh staging folder in it, and removes staging folders that
     * runs killed outright (SIGKILL, power loss) left behind.
     *
     * @throws IOException when the folder cannot be made or written; {@link #reason} words it for a user
     */
    public static StagedReports open(Path reportsDir) throws IOException {
        Files.createDirectories(reportsDir);
        removeAbandoned(reportsDir);
        Path staging = Files.createTempDirectory(reportsDir, STAGING_PREFIX + ProcessHandle.current().pid() + "-");
        return new StagedReports(reportsDir, staging);
    }

    /** Where this run writes its reports until {@link #publish}. */
    public Path dir() {
        return staging;
    }

    /** The reports folder the reports end up in. */
    public Path target() {
        return target;
    }

    /**
     * Puts this run's reports in place of the previous run's and returns the files now in the reports folder.
     *
     * @param ranAnything whether the run has results to show (scenarios or probes); a run without keeps the last
     *                    reports with results in {@value #PREVIOUS}/
     */
    public synchronized List<Path> publish(boolean ranAnything) throws IOException {
        if (done) {
            throw new IllegalStateException("the reports in " + staging + " were already published or discarded");
        }
        done = true;
        Set<String> names = new LinkedHashSet<>(ENTRIES);
        names.addAll(namesIn(staging));
        Path old = Files.createTempDirectory(target, OLD_PREFIX + ProcessHandle.current().pid() + "-");
        for (String name : names) {
            if (Files.exists(target.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                move(target.resolve(name), old.resolve(name));
            }
        }
        List<Path> published = new ArrayList<>();
        List<String> incoming = new ArrayList<>(names);
        // summary.json last: once it is there, everything it speaks for is there too.
        incoming.remove(ENTRIES.get(0));
        incoming.add(ENTRIES.get(0));
        for (String name : incoming) {
            if (Files.exists(staging.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                move(staging.resolve(name), target.resolve(name));
                published.add(target.resolve(name));
            }
        }
        Path previous = target.resolve(PREVIOUS);
        if (!ranAnything && holdsResults(old)) {
            FileTrees.deleteRecursively(previous);
            move(old, previous);
        } else {
            FileTrees.deleteRecursively(old);
            if (ranAnything) {
                FileTrees.deleteRecursively(previous);
            }
        }
        FileTrees.deleteRecursively(staging);
        return published;
    }

    /** Removes the staging folder of a command that ended before it had reports to publish (a usage error). */
    public synchronized void discard() {
        if (done) {
            return;
        }
        done = true;
        try {
            FileTrees.deleteRecursively(staging);
        } catch (IOException e) {
            // Harmless: the next run removes it once this process is gone.
        }
    }

    /**
     * Removes the staging folder after {@link #publish}, should a thread still running have made it again by
     * writing into it (a run stopped by a signal, as the process ends).
     */
    public void discardLeftovers() {
        try {
            FileTrees.deleteRecursively(staging);
        } catch (IOException | RuntimeException e) {
            // Harmless: the next run removes it once this process is gone.
        }
    }

    /**
     * The operating system's reason for a failed file operation, worded for a user: Java's own messages are often
     * just the path ({@code NoSuchFileException: /proc/x}).
     */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException fs) {
            return fs.getFile() + " is in the way";
        }
        if (e instanceof java.nio.file.FileSystemException) {
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // A run with results wrote more than summary.json and its (empty) JUnit files.
    private static boolean holdsResults(Path reports) {
        return Stream.of("cucumber", "allure-results", "allure-report", "availability")
                .anyMatch(name -> Files.exists(reports.resolve(name)));
    }

    private static void removeAbandoned(Path reportsDir) throws IOException {
        List<Path> abandoned;
        try (Stream<Path> list = Files.list(reportsDir)) {
            abandoned = list.filter(path -> ownerOf(path).map(pid -> ProcessHandle.of(pid).isEmpty()).orElse(false))
                    .toList();
        }
        for (Path path : abandoned) {
            FileTrees.deleteRecursively(path);
        }
    }

    // .vigil-run-<pid>-<n> and .vigil-old-<pid>-<n> belong to process <pid>.
    private static Optional<Long> ownerOf(Path path) {
        String name = path.getFileName().toString();
        for (String prefix : List.of(STAGING_PREFIX, OLD_PREFIX)) {
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                int dash = rest.indexOf('-');
                try {
                    return Optional.of(Long.parseLong(dash < 0 ? rest : rest.substring(0, dash)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
