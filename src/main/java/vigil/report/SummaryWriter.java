package vigil.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes {@code summary.json}, the file that pipeline gates read.
 *
 * <p>Example: {@code new SummaryWriter().write(Path.of("reports/summary.json"), report)}.
 */
public final class SummaryWriter {

    /** Writes the summary of {@code report} to {@code file} (replacing it) and returns {@code file}. */
    public Path write(Path file, RunReport report) throws IOException {
        Summary summary = summarize(report);
        return AtomicFileWriter.write(file, out -> SummaryJson.MAPPER.writeValue(out, summary));
    }

    static Summary summarize(RunReport report) {
        return new Summary(Summary.SCHEMA, report.runId(), report.verdict(), report.exitCode(), report.error(),
                millis(report.started()), millis(report.finished()),
                Seconds.between(report.started(), report.finished()),
                new Summary.Suites(counts(Suite.SMOKE, report), counts(Suite.ACCEPTANCE, report),
                        counts(Suite.AVAILABILITY, report)),
                report.scenarios().stream()
                        .map(s -> new Summary.Scenario(s.suite(), s.feature(), s.name(), s.status(),
                                Seconds.of(s.duration()), s.error(), s.attempts(), millis(s.start()),
                                millis(s.end())))
                        .toList(),
                report.availability(), report.during(), report.shard(), report.leftBehind());
    }

    private static Summary.SuiteCounts counts(Suite suite, RunReport report) {
        SuiteTally tally = SuiteTally.of(suite, report);
        return new Summary.SuiteCounts(tally.selected(), tally.passed(), tally.failed(), tally.skipped(), tally.flaky(),
                Seconds.of(tally.duration()));
    }

    // Nanoseconds in a gate file are noise.
    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
