package vigil.report;

import io.qameta.allure.Aggregator2;
import io.qameta.allure.ReportStorage;
import io.qameta.allure.core.Configuration;
import io.qameta.allure.core.InMemoryReportStorage;
import io.qameta.allure.core.LaunchResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes the report's {@code history/} folder (history.json and the trend files) to disk next to the single-file
 * report, which otherwise keeps it only inside index.html. That folder is what the next run copies into its
 * allure-results to show trends (Allure's documented way). Runs in the generating child JVM as the last
 * aggregator, when the history and trend plugins have put their data into the report's storage; it takes their
 * {@code history/} files from there. (Running those plugins a second time is no way: the history plugin adds
 * the current results to the history it read each time it runs.)
 */
final class AllureHistoryExport implements Aggregator2 {
    static final String HISTORY = "history/";

    private final Path reportDir;

    AllureHistoryExport(Path reportDir) {
        this.reportDir = reportDir;
    }

    @Override
    public void aggregate(Configuration configuration, List<LaunchResults> launches, ReportStorage storage) {
        if (!(storage instanceof InMemoryReportStorage inMemory)) {
            return; // a folder report writes its history/ itself
        }
        // The single-file storage keeps each file Base64-encoded, ready to be embedded in index.html.
        for (Map.Entry<String, String> file : inMemory.getReportDataFiles().entrySet()) {
            if (file.getKey().startsWith(HISTORY)) {
                byte[] content = Base64.getDecoder().decode(file.getValue());
                try {
                    AtomicFileWriter.write(reportDir.resolve(file.getKey()), out -> out.write(content));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + reportDir.resolve(file.getKey()), e);
                }
            }
        }
    }
}
