package vigil.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the end-of-run reports: summary.json, the JUnit XML files and the Allure HTML.
 * (Cucumber's reports and the Allure results are written by Cucumber plugins while the run goes on.)
 *
 * <p>A report that cannot be written is reported on {@code err} and does not stop the others, as in
 * JUnit's XML listener: the summary a gate needs must not be lost to a broken HTML generation.
 */
public final class ReportWriter {
    private final SummaryWriter summary;
    private final JunitXmlWriter junit;
    private final AllureHtmlGenerator allure;

    /** @param allure makes the Allure HTML; {@code null} leaves it out (the Allure results are still complete) */
    public ReportWriter(SummaryWriter summary, JunitXmlWriter junit, AllureHtmlGenerator allure) {
        this.summary = summary;
        this.junit = junit;
        this.allure = allure;
    }

    /**
     * Writes every report into {@code reportsDir} with the default writers and returns the files
     * written; each failure is one line on {@code err}.
     */
    public static List<Path> writeAll(Path reportsDir, RunReport report, PrintStream err) {
        return new ReportWriter(new SummaryWriter(), new JunitXmlWriter(), new AllureHtmlGenerator())
                .write(reportsDir, report, err);
    }

    /** Writes every report into {@code reportsDir} and returns the files written. */
    public List<Path> write(Path reportsDir, RunReport report, PrintStream err) {
        ReportLayout layout = new ReportLayout(reportsDir);
        List<Path> written = new ArrayList<>();
        attempt("summary.json", layout.summaryJson(), written, err,
                () -> List.of(summary.write(layout.summaryJson(), report)));
        attempt("JUnit XML", layout.junitDir(), written, err,
                () -> junit.write(layout.junitDir(), report));
        // A run that ended before any scenario (target unreachable, login refused) has nothing to show in
        // Allure; skipping it lets the pipeline see exit 3 seconds sooner.
        if (!report.scenarios().isEmpty() || !report.availability().isEmpty()) {
            attempt("Allure HTML", layout.allureHtml(), written, err, () -> {
                // Marked also without the HTML: a later merge or Allure CLI makes it from these results.
                AllureFlakyMarker.mark(layout.allureResults());
                return allure == null ? List.of()
                        : List.of(allure.generate(layout.allureResults(), layout.allureReportDir()));
            });
        }
        return written;
    }

    @FunctionalInterface
    private interface Writing {
        List<Path> run() throws IOException;
    }

    private static void attempt(String name, Path where, List<Path> written, PrintStream err, Writing writing) {
        try {
            written.addAll(writing.run());
        } catch (IOException | RuntimeException e) {
            err.println("vigil: could not write " + name + " (" + where + "): " + describe(e));
        }
    }

    // One line; the cause's type says what its often bare message (just a path) means.
    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
