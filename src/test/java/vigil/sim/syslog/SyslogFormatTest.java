package vigil.sim.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vigil.sim.api.AppSyslogDrain;
import vigil.sim.cells.LogLine;

class SyslogFormatTest {
    private static final AppSyslogDrain DRAIN = new AppSyslogDrain("b", "syslog://127.0.0.1:1", "app-guid",
            "My App!", "space-guid", "dev space", "org-guid", "Org \"Q\"", null);

    @Test
    void timestampsAreUtcMicrosecondsWithoutTrailingZerosAsGoFormatsThem() {
        assertThat(SyslogFormat.timestamp(Instant.parse("2026-12-05T21:00:00.120000999Z")))
                .isEqualTo("2026-12-05T21:00:00.12+00:00");
        assertThat(SyslogFormat.timestamp(Instant.parse("2026-12-05T21:00:00Z"))).isEqualTo("2026-12-05T21:00:00+00:00");
        assertThat(SyslogFormat.timestamp(Instant.parse("2026-12-05T21:00:00.000000999Z")))
                .isEqualTo("2026-12-05T21:00:00+00:00");
    }

    @Test
    void aStderrLineIsOctetCountedWithPriority11AndTheAppsNamesSanitizedInTheHostname() {
        LogLine line = new LogLine(Instant.parse("2026-12-05T21:00:00.5Z"), "app-guid", "APP/PROC/WEB", "1", true,
                "boom \0x");

        String framed = new String(SyslogFormat.frame(line, DRAIN, SyslogFormat.Variant.CORRECT), StandardCharsets.UTF_8);

        String message = "<11>1 2026-12-05T21:00:00.5+00:00 Org-Q.dev-space.My-App app-guid [APP/PROC/WEB/1] - "
                + "[tags@47450 app_id=\"app-guid\" app_name=\"My App!\" instance_id=\"1\" organization_id=\"org-guid\" "
                + "organization_name=\"Org \\\"Q\\\"\" origin=\"rep\" process_type=\"web\" source_type=\"APP/PROC/WEB\" "
                + "space_id=\"space-guid\" space_name=\"dev space\"] boom x\n";
        assertThat(framed).isEqualTo(message.getBytes(StandardCharsets.UTF_8).length + " " + message);
    }

    @Test
    void aLineWithoutInstanceHasTheSourceTypeAloneAsProcid() {
        LogLine line = new LogLine(Instant.EPOCH, "app-guid", "LGR", "", false, "text\n");

        assertThat(SyslogFormat.message(line, DRAIN, SyslogFormat.Variant.CORRECT))
                .startsWith("<14>1 1970-01-01T00:00:00+00:00 Org-Q.dev-space.My-App app-guid [LGR] - [tags@47450 ")
                .endsWith("] text\n");
    }
}
