package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** A {@code --shard} that is not I/N with 1 <= I <= N is refused before anything starts. */
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
}
