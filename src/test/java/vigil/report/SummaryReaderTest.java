package vigil.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryReaderTest {

    private static final String COUNTS =
            "{\"selected\": true, \"passed\": 3, \"failed\": 0, \"skipped\": 0, \"flaky\": 0, \"duration_s\": 1.5}";
    private static final String VALID = """
            {"schema": "vigil.summary/v1", "run_id": "r1", "verdict": "passed", "exit_code": 0, "duration_s": 2.0,
             "scenarios": [], "suites": {"smoke": %s, "acceptance": %s, "availability": %s}}""".formatted(COUNTS, COUNTS, COUNTS);

    @TempDir
    Path dir;

    @Test
    void rejectsMissingFileNamingIt() {
        Path file = dir.resolve("summary.json");

        assertThatThrownBy(() -> new SummaryReader().read(file))
                .isInstanceOf(SummaryReadException.class)
                .hasMessageStartingWith(file + ": no such file");
    }

    @Test
    void rejectsMalformedJsonWithItsPosition() throws IOException {
        Path file = Files.writeString(dir.resolve("summary.json"), "{\n  \"schema\": \"vigil.summary/v1\",\n  oops\n}");

        assertThatThrownBy(() -> new SummaryReader().read(file))
                .hasMessageStartingWith(file + ": is not valid JSON: ")
                .hasMessageContaining("line 3");
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        Path file = Files.writeString(dir.resolve("summary.json"), "");

        assertThatThrownBy(() -> new SummaryReader().read(file)).hasMessage(file + ": is empty");
    }

    @Test
    void rejectsOtherSchema() throws IOException {
        Path file = Files.writeString(dir.resolve("summary.json"), "{\"schema\": \"vigil.summary/v2\"}");

        assertThatThrownBy(() -> new SummaryReader().read(file))
                .hasMessage(file + ": has schema \"vigil.summary/v2\", this Vigil reads \"vigil.summary/v1\"");
    }

    @Test
    void rejectsFileWithoutSchema() throws IOException {
        Path file = Files.writeString(dir.resolve("results.json"), "{\"verdict\": \"passed\"}");

        assertThatThrownBy(() -> new SummaryReader().read(file))
                .hasMessage(file + ": has no \"schema\" field; expected \"vigil.summary/v1\"");
    }

    @Test
    void rejectsSummaryLackingAVerdict() throws IOException {
        Path file = Files.writeString(dir.resolve("summary.json"), VALID.replace("\"verdict\": \"passed\",", ""));

        assertThatThrownBy(() -> new SummaryReader().read(file))
                .hasMessage(file + ": lacks the required field \"verdict\"");
    }

    @Test
    void rejectsSummaryLackingACountNamingItsPath() throws IOException {
        Path file = Files.writeString(dir.resolve("summary.json"), VALID.replace("\"failed\": 0,", ""));

        assertThatThrownBy(() -> new SummaryReader().read(file))
                .hasMessage(file + ": lacks the required field \"suites.smoke.failed\"");
    }

    @Test
    void readsAMinimalHandWrittenSummary() throws IOException {
        Path file = Files.writeString(dir.resolve("summary.json"), VALID);

        Summary summary = new SummaryReader().read(file);

        assertThat(summary.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(summary.suites().of(Suite.SMOKE).passed()).isEqualTo(3);
        assertThat(summary.availability()).isEmpty();
        assertThat(summary.during()).isNull();
    }

    @Test
    void rejectsUnknownVerdictNamingTheField() throws IOException {
        Path file = Files.writeString(dir.resolve("summary.json"), VALID.replace("\"passed\",", "\"green\","));

        assertThatThrownBy(() -> new SummaryReader().read(file))
                .hasMessageStartingWith(file + ": has an invalid value at \"verdict\"")
                .hasMessageContaining("green");
    }

    @Test
    void acceptsFieldsThatALaterWriterAdds() throws IOException {
        Path file = dir.resolve("summary.json");
        new SummaryWriter().write(file, SampleRuns.failedSmokeRun());
        Files.writeString(file, Files.readString(file).replaceFirst("\\{", "{\"host\": \"ci-7\","));

        assertThat(new SummaryReader().read(file).runId()).isEqualTo("r1a2b3");
    }
}
