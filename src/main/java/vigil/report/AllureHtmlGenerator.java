package vigil.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Generates Allure's single-file HTML report, {@code <report dir>/index.html}, from an
 * {@code allure-results} directory.
 *
 * <p>Allure puts a Google Tag Manager script into the page, and sends usage statistics while
 * generating, unless the generating process has {@code ALLURE_NO_ANALYTICS=true} in its environment.
 * Platform teams open these reports offline and must not be tracked, and a JVM cannot change its own
 * environment, so the generation runs in a child JVM ({@link AllureHtmlMain}) that has the variable.
 * That also keeps Allure's memory use and log output out of the run's process.
 */
public final class AllureHtmlGenerator {
    /** Enough for thousands of results; a hung generation must not hold up the rest of the reports. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    static final String LOG_FILE = "generate.log";
    // Allure's template: the external tag manager script, and the inline snippet that configures it.
    private static final Pattern TAG_MANAGER_SCRIPT =
            Pattern.compile("<script[^>]*googletagmanager[^>]*>\\s*</script>\\s*");
    private static final Pattern GTAG_SNIPPET = Pattern.compile("<script>\\s*window\\.dataLayer[^<]*</script>\\s*");

    private final Duration timeout;
    private final AllureHistory history;

    public AllureHtmlGenerator() {
        this(DEFAULT_TIMEOUT);
    }

    public AllureHtmlGenerator(Duration timeout) {
        this(timeout, null);
    }

    private AllureHtmlGenerator(Duration timeout, AllureHistory history) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.history = history;
    }

    /** This generator, also carrying the report's history over from and to {@code history} (trends across runs). */
    public AllureHtmlGenerator withHistory(AllureHistory history) {
        return new AllureHtmlGenerator(timeout, history);
    }

    /**
     * Generates the report and returns the path of its {@code index.html}; its {@code history/} folder goes
     * beside it. An empty or missing results directory gives a report that shows no tests. With a
     * {@linkplain #withHistory history}, the report shows the trends of the runs before it.
     *
     * @throws IOException when the generation fails or times out; Allure's output is then left in
     *                     {@code <report dir>/}{@value #LOG_FILE}
     */
    public Path generate(Path resultsDir, Path reportDir) throws IOException {
        Files.createDirectories(reportDir);
        Path index = reportDir.resolve("index.html");
        Files.deleteIfExists(index); // so that a stale report is never taken for a new one
        // The child's output stays here only when it failed, for the one who has to find out why.
        Path log = reportDir.resolve(LOG_FILE);
        if (history != null) {
            history.restoreInto(resultsDir);
        }
        run(childJvm(resultsDir, reportDir).redirectErrorStream(true).redirectOutput(log.toFile()), log);
        if (!Files.isRegularFile(index)) {
            throw new IOException("Allure wrote no " + index + ", see " + log);
        }
        Files.deleteIfExists(log);
        removeAnalytics(index);
        if (history != null) {
            history.keepFrom(reportDir);
        }
        return index;
    }

    /** The child JVM: same Java, same classpath, tuned for a short run, analytics off. */
    private static final Set<String> CHILD_ENVIRONMENT = Set.of("PATH", "HOME", "LANG", "LC_ALL",
            "TMPDIR", "TZ");

    ProcessBuilder childJvm(Path resultsDir, Path reportDir) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                java.toString(),
                "-Xshare:auto",                 // class data sharing: faster start when the JDK has an archive
                "-XX:TieredStopAtLevel=1",      // C1 only: the run is too short for C2 to pay off
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",        // scenario names are not ASCII everywhere
                "-cp", System.getProperty("java.class.path"),
                AllureHtmlMain.class.getName(),
                resultsDir.toAbsolutePath().toString(),
                reportDir.toAbsolutePath().toString()));
        // The child needs no CF credentials or tokens that the run's environment may hold.
        builder.environment().keySet().removeIf(name -> !CHILD_ENVIRONMENT.contains(name));
        builder.environment().put("ALLURE_NO_ANALYTICS", "true");
        return builder;
    }

    private void run(ProcessBuilder builder, Path log) throws IOException {
        Process child = builder.start();
        try {
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
                child.waitFor(5, TimeUnit.SECONDS);
                throw new IOException("Allure HTML generation did not finish within " + timeout.toSeconds()
                        + " s and was stopped, see " + log);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while generating the Allure HTML report");
        }
        if (child.exitValue() != 0) {
            throw new IOException("Allure HTML generation failed with exit code " + child.exitValue()
                    + ": " + lastLine(log) + " (see " + log + ")");
        }
    }

    /**
     * Removes what would load or feed Google's tag manager. The child has analytics off, which leaves
     * out the external script; the inline snippet is always there and is dropped as well. Should the
     * external script still be there, the report is deleted rather than left to track its readers.
     */
    static void removeAnalytics(Path index) throws IOException {
        String html = Files.readString(index, StandardCharsets.UTF_8);
        String offline = GTAG_SNIPPET.matcher(TAG_MANAGER_SCRIPT.matcher(html).replaceAll("")).replaceAll("");
        if (offline.contains("googletagmanager")) {
            Files.delete(index);
            throw new IOException("Allure's report still loads Google Tag Manager; deleted " + index);
        }
        if (!offline.equals(html)) {
            Files.writeString(index, offline, StandardCharsets.UTF_8);
        }
    }

    private static String lastLine(Path log) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            // Stack frames are indented; the child ends with a one-line summary of what failed.
            return lines.filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                    .reduce((first, second) -> second).orElse("no output").strip();
        } catch (IOException | UncheckedIOException e) {
            return "output unreadable";
        }
    }
}
