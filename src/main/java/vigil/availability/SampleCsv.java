package vigil.availability;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The line format of {@code availability/NAME.csv}: one sample per line, times in ISO-8601 UTC with
 * milliseconds, latency from the scheduled time in milliseconds with microsecond precision, and the status
 * or error kind, e.g.
 * <pre>{@code
 * scheduled,start,latency_ms,status,error,instance,inconclusive
 * 2025-05-01T12:03:41.100Z,2025-05-01T12:03:41.101Z,2.315,200,,3f2a-0,
 * 2025-05-01T12:03:41.200Z,2025-05-01T12:03:41.200Z,2000.104,,timeout,,
 * 2025-05-01T12:03:41.300Z,2025-05-01T12:03:43.310Z,2010.020,,late,,true
 * }</pre>
 */
final class SampleCsv {
    /** {@code inconclusive}: {@code true} when the control probe failed at the sample's time (issue 15). */
    static final String HEADER = "scheduled,start,latency_ms,status,error,instance,inconclusive";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SampleCsv() {
    }

    static void append(StringBuilder line, Sample sample) {
        append(line, sample, false);
    }

    static void append(StringBuilder line, Sample sample, boolean inconclusive) {
        ProbeOutcome outcome = sample.outcome();
        TIME.formatTo(sample.scheduled(), line);
        line.append(',');
        TIME.formatTo(sample.start(), line);
        line.append(',');
        long micros = sample.latencyMicros();
        line.append(micros / 1000).append('.');
        long fraction = Math.abs(micros % 1000);
        if (fraction < 100) {
            line.append('0');
        }
        if (fraction < 10) {
            line.append('0');
        }
        line.append(fraction).append(',');
        if (outcome.status() != null) {
            line.append(outcome.status());
        }
        line.append(',');
        field(line, outcome.error());
        line.append(',');
        field(line, outcome.instance());
        line.append(',');
        if (inconclusive) {
            line.append("true");
        }
        line.append('\n');
    }

    static String line(Sample sample) {
        StringBuilder line = new StringBuilder(96);
        append(line, sample);
        return line.toString();
    }

    // RFC 4180: a value with a comma, quote or line break is quoted, its quotes doubled. Instance ids come
    // from a response header, so they are not trusted to be plain.
    private static void field(StringBuilder line, String value) {
        if (value == null) {
            return;
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
