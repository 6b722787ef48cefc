package vigil.sim.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vigil.sim.api.AppSyslogDrain;
import vigil.sim.cells.LogLine;

/**
 * One log line as CF's syslog agent writes it to a drain:
 * {@code <14>1 2026-12-05T21:00:00.123456+00:00 org.space.app APP-GUID [APP/PROC/WEB/0] - [tags@47450 ...] text\n},
 * priority 14 (user.info) for stdout and 11 (user.err) for stderr; framed as {@code LENGTH SP MESSAGE} (RFC 6587
 * octet counting).
 */
final class SyslogFormat {
    /** The Cloud Foundry Foundation's IANA enterprise number, as in CF's structured data IDs. */
    static final String TAGS_SD_ID = "tags@47450";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** How a fault may break the format; {@link #CORRECT} is CF's. */
    record Variant(boolean octetCounting, boolean stderrAsInfo) {
        static final Variant CORRECT = new Variant(true, false);
    }

    private SyslogFormat() {
    }

    /** The bytes to write for one line: the framed RFC 5424 message. */
    static byte[] frame(LogLine line, AppSyslogDrain drain, Variant variant) {
        byte[] message = message(line, drain, variant).getBytes(StandardCharsets.UTF_8);
        if (!variant.octetCounting()) {
            return message;
        }
        byte[] prefix = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, framed, 0, prefix.length);
        System.arraycopy(message, 0, framed, prefix.length, message.length);
        return framed;
    }

    static String message(LogLine line, AppSyslogDrain drain, Variant variant) {
        String priority = line.stderr() && !variant.stderrAsInfo() ? "11" : "14";
        String text = line.text().replace("\0", "");
        return "<" + priority + ">1 " + timestamp(line.timestamp()) + " " + hostname(drain) + " " + drain.appGuid()
                + " " + processId(line) + " - " + structuredData(line, drain) + " " + text
                + (text.endsWith("\n") ? "" : "\n");
    }

    /** {@code org.space.app}, each part with spaces made dashes, other characters than {@code [-a-zA-Z0-9]} dropped. */
    static String hostname(AppSyslogDrain drain) {
        return sanitize(drain.organizationName()) + "." + sanitize(drain.spaceName()) + "." + sanitize(drain.appName());
    }

    private static String sanitize(String name) {
        String cleaned = name.replaceAll("\\s+", "-").replaceAll("[^-a-zA-Z0-9]+", "").replaceAll("-+$", "");
        return cleaned.length() > 63 ? cleaned.substring(0, 63) : cleaned;
    }

    /** UTC with microseconds, trailing zeros left out, offset {@code +00:00}: Go's {@code 2006-01-02T15:04:05.999999-07:00}. */
    static String timestamp(Instant instant) {
        String fraction = "";
        int micros = instant.getNano() / 1000;
        if (micros > 0) {
            fraction = "." + String.format(Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
        }
        return SECONDS.format(instant) + fraction + "+00:00";
    }

    /** {@code [SOURCE_TYPE/INSTANCE]}, e.g. {@code [APP/PROC/WEB/0]}, or {@code [SOURCE_TYPE]} without an instance. */
    static String processId(LogLine line) {
        String type = line.sourceType().toUpperCase(Locale.ROOT).replace(' ', '-');
        return line.instanceId().isEmpty() ? "[" + type + "]" : "[" + type + "/" + line.instanceId() + "]";
    }

    /** The envelope's tags, sorted by name, as CF's agent sends them (values escaped as RFC 5424 asks). */
    private static String structuredData(LogLine line, AppSyslogDrain drain) {
        Map<String, String> tags = new TreeMap<>();
        tags.put("app_id", drain.appGuid());
        tags.put("app_name", drain.appName());
        tags.put("instance_id", line.instanceId());
        tags.put("organization_id", drain.organizationGuid());
        tags.put("organization_name", drain.organizationName());
        tags.put("source_type", line.sourceType());
        tags.put("space_id", drain.spaceGuid());
        tags.put("space_name", drain.spaceName());
        if (line.sourceType().startsWith("APP/PROC/")) {
            tags.put("origin", "rep");
            tags.put("process_type", line.sourceType().substring("APP/PROC/".length()).toLowerCase(Locale.ROOT));
        }
        StringBuilder data = new StringBuilder("[").append(TAGS_SD_ID);
        tags.forEach((name, value) -> data.append(' ').append(name).append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]")).append('"'));
        return data.append(']').toString();
    }
}
