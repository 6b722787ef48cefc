package vigil.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps runs' {@code summary.json} files in a folder ({@code --history DIR/summaries/}), newest {@link #KEEP}, named
 * {@code <started>-<run_id>.json} so that they sort by time: what later runs' baselines learn from.
 */
public final class SummaryArchive {
    static final int KEEP = 200;

    private SummaryArchive() {
    }

    /** Copies {@code summaryJson} into {@code dir} and removes the oldest files beyond {@link #KEEP}. */
    public static Path keep(Path summaryJson, Path dir) throws IOException {
        Summary summary;
        try {
            summary = new SummaryReader().read(summaryJson);
        } catch (SummaryReadException e) {
            throw new IOException(e.getMessage(), e);
        }
        Files.createDirectories(dir);
        String started = summary.started() == null ? "unknown" : summary.started().toString().replace(":", "");
        Path kept = dir.resolve(started + "-" + summary.runId().replaceAll("[^A-Za-z0-9+._-]", "_") + ".json");
        Files.copy(summaryJson, kept, StandardCopyOption.REPLACE_EXISTING);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        }
        for (int i = 0; i < files.size() - KEEP; i++) {
            Files.deleteIfExists(files.get(i));
        }
        return kept;
    }
}
