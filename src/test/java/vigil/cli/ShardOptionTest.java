package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code --shard}: refused before anything starts unless it is I/N with 1 <= I <= N; an empty part passes. */
class ShardOptionTest {
    @TempDir
    Path reports;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0/3|the shard must be between 1 and 3",
            "4/3|the shard must be between 1 and 3",
            "1/0|the number of shards must be at least 1",
            "abc|is not I/N",
            "2/x|whole numbers",
            "1/2/3|is not I/N"})
    void aBadShardIsAUsageErrorSayingWhatIsWrong(String shard, String problem) {
        CommandLineRun run = CommandLineRun.of("run", "--sim", "--shard", shard, "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--shard").contains(problem).doesNotContain("Exception");
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void aShardWithoutScenariosWritesReportsWithNoneAndPassesWithoutTouchingTheCf(@TempDir Path configDir)
            throws Exception {
        // Two scenarios in three parts: the split puts them on shards 1 and 2.
        Path features = Paths.get(getClass().getResource("/features-failing").toURI());
        // Nothing listens on port 1: a shard that tried to log in would end with exit 3.
        Path config = Files.writeString(configDir.resolve("cf.yml"), "api: http://127.0.0.1:1\n"
                + "apps_domain: apps.example.com\nadmin_user: admin\nadmin_password: not-used\n");

        CommandLineRun run = CommandLineRun.of("run", "--config", config.toString(), "--features", features.toString(),
                "--shard", "3/3", "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("shard 3/3 has no scenario");
        JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("verdict").asText()).isEqualTo("passed");
        assertThat(summary.path("scenarios")).isEmpty();
        assertThat(summary.path("shard").path("index").asInt()).isEqualTo(3);
        assertThat(reports.resolve("junit/smoke.xml")).content().contains("tests=\"0\"");
    }
}
