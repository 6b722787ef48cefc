package vigil.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where each report lives inside the reports directory (default {@code reports/}); the one place
 * that knows the layout the README documents.
 */
public record ReportLayout(Path dir) {
    public ReportLayout {
        Objects.requireNonNull(dir, "dir");
    }

    public Path summaryJson() {
        return dir.resolve("summary.json");
    }

    public Path junitDir() {
        return dir.resolve("junit");
    }

    /** Cucumber's report.html, report.json and messages.ndjson go here. */
    public Path cucumberDir() {
        return dir.resolve("cucumber");
    }

    /** Written by the Allure Cucumber plugin during the run. */
    public Path allureResults() {
        return dir.resolve("allure-results");
    }

    public Path allureReportDir() {
        return dir.resolve("allure-report");
    }

    public Path allureHtml() {
        return allureReportDir().resolve("index.html");
    }

    /** Per-probe CSV samples and SVG timelines. */
    public Path availabilityDir() {
        return dir.resolve("availability");
    }

    /** The output of the {@code --during} command. */
    public Path duringLog() {
        return dir.resolve("during.log");
    }
}
