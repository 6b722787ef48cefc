package vigil.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.report.SampleRuns.failedSmokeRun;

class ReportWriterTest {
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @TempDir
    Path reports;

    @Test
    void writesSummaryJunitFilesAndAllureHtml() throws Exception {
        List<Path> written = ReportWriter.writeAll(reports, failedSmokeRun(), err);

        assertThat(written).containsExactly(reports.resolve("summary.json"), reports.resolve("junit/smoke.xml"),
                reports.resolve("junit/acceptance.xml"), reports.resolve("allure-report/index.html"));
        assertThat(written).allMatch(Files::isRegularFile);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void oneReportFailingDoesNotStopTheOthers() throws Exception {
        Files.writeString(reports.resolve("junit"), "a file where the junit directory belongs");

        List<Path> written = ReportWriter.writeAll(reports, failedSmokeRun(), err);

        assertThat(written).containsExactly(reports.resolve("summary.json"), reports.resolve("allure-report/index.html"));
        assertThat(new SummaryReader().read(reports.resolve("summary.json")).verdict()).isEqualTo(Verdict.FAILED);
        String message = errBytes.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).startsWith("vigil: could not write JUnit XML (" + reports.resolve("junit") + "): ")
                .contains("Exception");
    }

    @Test
    void layoutMatchesTheDocumentedOne() {
        ReportLayout layout = new ReportLayout(Path.of("reports"));

        assertThat(layout.summaryJson()).isEqualTo(Path.of("reports/summary.json"));
        assertThat(layout.junitDir()).isEqualTo(Path.of("reports/junit"));
        assertThat(layout.cucumberDir()).isEqualTo(Path.of("reports/cucumber"));
        assertThat(layout.allureResults()).isEqualTo(Path.of("reports/allure-results"));
        assertThat(layout.allureHtml()).isEqualTo(Path.of("reports/allure-report/index.html"));
        assertThat(layout.availabilityDir()).isEqualTo(Path.of("reports/availability"));
    }
}
