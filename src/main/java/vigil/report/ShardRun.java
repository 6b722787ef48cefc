package vigil.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The reports folder of one run that {@code vigil merge} joins with others, and its summary.
 *
 * <p>Example: {@code ShardRun.read(Path.of("shard-1"))}.
 */
public record ShardRun(Path dir, Summary summary) {
    public ShardRun {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(summary, "summary");
    }

    /** Reads {@code dir/summary.json}; a missing or invalid file is reported naming it. */
    public static ShardRun read(Path dir) throws SummaryReadException {
        return new ShardRun(dir, new SummaryReader().read(new ReportLayout(dir).summaryJson()));
    }

    /** {@code shard-2 (shard 2/3)}, or the folder alone for a run that was not sharded. */
    String describe() {
        return dir + (summary.shard() == null ? "" : " (shard " + summary.shard() + ")");
    }
}
