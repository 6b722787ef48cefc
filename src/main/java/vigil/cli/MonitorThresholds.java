package vigil.cli;

import vigil.config.AvailabilitySettings;
import vigil.report.Thresholds;

/**
 * The thresholds {@code vigil monitor} judges each URL against: those of a run's app-http probe (99.5 %, no outage
 * over 2 s) unless the flags replace them, none with {@code --no-thresholds}. A monitor that passes whatever it
 * measured would pass a site that is down most of the time, so measuring only must be asked for.
 */
final class MonitorThresholds {
    /** What summary.json and the console say of a URL measured with {@code --no-thresholds}. */
    static final String OFF = "thresholds off (--no-thresholds)";

    private MonitorThresholds() {
    }

    /** The app-http defaults, each replaced by the flag given for it; with {@code off}, no flag may be given. */
    static Thresholds of(Thresholds given, boolean off) throws UsageException {
        if (off) {
            if (!given.equals(Thresholds.NONE)) {
                throw new UsageException("--no-thresholds measures only: leave out --min-availability, --max-outage,"
                        + " --max-failures and --max-p99-latency-ms, or leave out --no-thresholds");
            }
            return Thresholds.NONE;
        }
        Thresholds defaults = AvailabilitySettings.defaults().probe(AvailabilitySettings.APP_HTTP).thresholds();
        return new Thresholds(
                given.minAvailabilityPct() != null ? given.minAvailabilityPct() : defaults.minAvailabilityPct(),
                given.maxOutageS() != null ? given.maxOutageS() : defaults.maxOutageS(),
                given.maxFailures() != null ? given.maxFailures() : defaults.maxFailures(),
                given.maxP99LatencyMs() != null ? given.maxP99LatencyMs() : defaults.maxP99LatencyMs());
    }
}
