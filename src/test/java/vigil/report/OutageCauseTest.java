package vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** An outage's cause in words, from the kinds its samples failed with. */
class OutageCauseTest {
    @Test
    void namesTheMainKindThenTheOthers() {
        assertThat(OutageCause.of(Map.of("connection_refused", 12L))).isEqualTo("connection refused");
        assertThat(OutageCause.of(Map.of("http_502_endpoint_failure", 9L, "timeout", 3L)))
                .isEqualTo("router: endpoint_failure (http_502); also timeout (3)");
        assertThat(OutageCause.of(Map.of("http_503", 2L))).isEqualTo("server error (http_503)");
        assertThat(OutageCause.of(Map.of("tls_error", 1L))).isEqualTo("TLS handshake failed");
        assertThat(OutageCause.of(Map.of("late", 4L))).isEqualTo("instrument (late)");
        assertThat(OutageCause.of(Map.of())).isEqualTo("unknown");
    }
}
