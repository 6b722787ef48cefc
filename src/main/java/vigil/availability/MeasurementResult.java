package vigil.availability;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import vigil.report.AvailabilityResult;

/**
 * What a {@link Measurement} found.
 *
 * @param probes    one result per probe, in the order the probes were added; each carries its verdict line
 * @param timelines the SVG files written
 * @param problems  what went wrong with the instrument itself (samples lost, files not written)
 * @param written   samples written to the CSV files
 */
public record MeasurementResult(Instant start, Instant end, List<AvailabilityResult> probes, List<Path> timelines,
                                List<String> problems, long written) {
    public MeasurementResult {
        probes = List.copyOf(probes);
        timelines = List.copyOf(timelines);
        problems = List.copyOf(problems);
    }

    /** Whether every probe held its thresholds. */
    public boolean passed() {
        return probes.stream().allMatch(AvailabilityResult::passed);
    }

    /** Every probe's verdict line, then its warnings as {@code NAME: warning: ...}. */
    public List<String> verdictLines() {
        return probes.stream().flatMap(p -> Stream.concat(Stream.of(p.verdict()),
                        p.warnings().stream().map(w -> p.name() + ": warning: " + w)))
                .toList();
    }
}
