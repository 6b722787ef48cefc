package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCsvTest {
    @TempDir
    Path dir;

    @Test
    void writesTimesInUtcWithMillisAndLatencyInMillis() {
        Sample ok = new Sample(0, Instant.parse("2025-05-01T12:03:41.1Z"), Instant.parse("2025-05-01T12:03:41.101234Z"),
                2_315, ProbeOutcome.success(200, "3f2a-0"));
        Sample timeout = new Sample(1, Instant.parse("2025-05-01T12:03:41.2Z"), Instant.parse("2025-05-01T12:03:41.2Z"),
                2_000_004, ProbeOutcome.failure(null, "timeout", null));

        assertThat(SampleCsv.line(ok)).isEqualTo("2025-05-01T12:03:41.100Z,2025-05-01T12:03:41.101Z,2.315,200,,3f2a-0,\n");
        assertThat(SampleCsv.line(timeout)).isEqualTo("2025-05-01T12:03:41.200Z,2025-05-01T12:03:41.200Z,2000.004,,timeout,,\n");
    }

    @Test
    void quotesAnInstanceIdThatIsNotPlain() {
        Sample odd = new Sample(0, Samples.T0, Samples.T0, 1_000, ProbeOutcome.failure(503, "http_503", "a,\"b\""));

        assertThat(SampleCsv.line(odd)).endsWith(",503,http_503,\"a,\"\"b\"\"\",\n");
    }

    @Test
    void writerStreamsEveryProbeToItsOwnFileWithAHeader() throws IOException {
        try (SampleWriter writer = new SampleWriter(dir)) {
            int app = writer.open("app-http");
            int api = writer.open("cf-api");
            for (long seq = 0; seq < 1000; seq++) {
                writer.submit(app, Samples.ok(seq, "a"));
            }
            writer.submit(api, Samples.failed(0, "http_503"));
            writer.close();

            assertThat(writer.lost()).isZero();
            assertThat(writer.written()).isEqualTo(1001);
        }
        assertThat(Files.readAllLines(dir.resolve("app-http.csv"))).hasSize(1001)
                .first().isEqualTo("scheduled,start,latency_ms,status,error,instance,inconclusive");
        assertThat(Files.readAllLines(dir.resolve("cf-api.csv")))
                .containsExactly(SampleCsv.HEADER, "2025-05-01T12:00:00.000Z,2025-05-01T12:00:00.001Z,2.000,503,http_503,,");
    }

    @Test
    void marksAnInconclusiveSample() {
        assertThat(SampleCsv.line(Samples.failed(0, "late"))).endsWith(",late,,\n");
        StringBuilder line = new StringBuilder();
        SampleCsv.append(line, Samples.failed(0, "late"), true);
        assertThat(line.toString()).endsWith(",late,,true\n");
    }
}
