package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SyslogMessageTest {

    @Test
    void readsEveryFieldOfAMessageAsCfSendsIt() {
        SyslogMessage message = SyslogMessage.parse("<11>1 2026-12-05T21:00:00.5+00:00 o.s.a 6f1c [APP/PROC/WEB/0] - "
                + "[tags@47450 app_name=\"a \\\"b\\\" \\]c\" source_type=\"APP/PROC/WEB\"] hello world");

        assertThat(message.priority()).isEqualTo(11);
        assertThat(message.version()).isEqualTo(1);
        assertThat(message.timestamp()).isEqualTo("2026-12-05T21:00:00.5+00:00");
        assertThat(message.hostname()).isEqualTo("o.s.a");
        assertThat(message.appName()).isEqualTo("6f1c");
        assertThat(message.procId()).isEqualTo("[APP/PROC/WEB/0]");
        assertThat(message.msgId()).isEqualTo("-");
        assertThat(message.structuredData()).isEqualTo(Map.of("tags@47450",
                Map.of("app_name", "a \"b\" ]c", "source_type", "APP/PROC/WEB")));
        assertThat(message.msg()).isEqualTo("hello world");
    }

    @Test
    void nilStructuredDataAndNoMessage() {
        SyslogMessage message = SyslogMessage.parse("<14>1 - host app - - -");

        assertThat(message.structuredData()).isEmpty();
        assertThat(message.msg()).isEmpty();
    }

    @Test
    void saysWhichPartIsNotRfc5424() {
        assertThatThrownBy(() -> SyslogMessage.parse("14>1 x")).hasMessageContaining("no <PRI>");
        assertThatThrownBy(() -> SyslogMessage.parse("<14>x 2026 h a p - - m")).hasMessageContaining("VERSION");
        assertThatThrownBy(() -> SyslogMessage.parse("<14>1 2026 h a p - [tags@47450 a=\"b] m"))
                .hasMessageContaining("is not closed by \"");
        assertThatThrownBy(() -> SyslogMessage.parse("<14>1 2026 h a p - m")).hasMessageContaining("STRUCTURED-DATA");
    }

    @Test
    void cfHostnameDropsWhatCfsAgentDrops() {
        assertThat(SyslogMessage.cfHostname("my org", "dev_space", "app--")).isEqualTo("my-org.devspace.app");
    }
}
