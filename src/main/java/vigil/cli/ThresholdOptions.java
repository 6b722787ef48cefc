package vigil.cli;

import picocli.CommandLine.Option;
import vigil.report.Thresholds;

/** The availability threshold flags shared by {@code gate} and {@code monitor} (a picocli mixin). */
final class ThresholdOptions {
    @Option(names = "--min-availability", paramLabel = "PCT", description = "Minimum availability of every probe, in percent.")
    Double minAvailability;

    @Option(names = "--max-outage", paramLabel = "SECONDS", description = "Longest outage allowed per probe.")
    Double maxOutage;

    @Option(names = "--max-failures", paramLabel = "N", description = "Failed samples allowed per probe.")
    Long maxFailures;

    @Option(names = "--max-p99-latency-ms", paramLabel = "MS", description = "Highest p99 latency allowed per probe.")
    Double maxP99LatencyMs;

    /** The thresholds given; a value out of range is a usage error naming the flags. */
    Thresholds thresholds() throws UsageException {
        try {
            return new Thresholds(minAvailability, maxOutage, maxFailures, maxP99LatencyMs);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid threshold: " + e.getMessage()
                    + " (--min-availability 0..100, --max-outage, --max-failures, --max-p99-latency-ms)");
        }
    }
}
