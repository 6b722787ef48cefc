package vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedReportsTest {
    @TempDir
    Path dir;

    @Test
    void theNewRunsReportsReplaceTheOldOnesWholeAndOtherFilesStay() throws IOException {
        Path reports = dir.resolve("reports");
        write(reports.resolve("summary.json"), "old");
        write(reports.resolve("cucumber/report.json"), "old");
        write(reports.resolve("allure-report/index.html"), "old");
        write(reports.resolve("README.md"), "mine");
        StagedReports staged = StagedReports.open(reports);

        assertThat(staged.dir().getParent()).as("beside the target, on the same filesystem").isEqualTo(reports);
        write(staged.dir().resolve("summary.json"), "new");
        write(staged.dir().resolve("availability/app.csv"), "new");
        assertThat(Files.readString(reports.resolve("summary.json"))).as("untouched until published").isEqualTo("old");

        assertThat(staged.publish(true)).containsExactlyInAnyOrder(reports.resolve("availability"),
                reports.resolve("summary.json"));

        assertThat(Files.readString(reports.resolve("summary.json"))).isEqualTo("new");
        assertThat(Files.readString(reports.resolve("availability/app.csv"))).isEqualTo("new");
        assertThat(reports.resolve("cucumber")).as("another run's file does not stay").doesNotExist();
        assertThat(reports.resolve("allure-report")).doesNotExist();
        assertThat(Files.readString(reports.resolve("README.md"))).isEqualTo("mine");
        assertThat(names(reports)).containsExactlyInAnyOrder("summary.json", "availability", "README.md");
    }

    @Test
    void aRunThatRanNothingKeepsTheLastReportsWithResultsInPrevious() throws IOException {
        Path reports = dir.resolve("reports");
        write(reports.resolve("summary.json"), "good");
        write(reports.resolve("allure-report/index.html"), "good html");

        StagedReports failed = StagedReports.open(reports);
        write(failed.dir().resolve("summary.json"), "error 1");
        failed.publish(false);
        StagedReports failedAgain = StagedReports.open(reports);
        write(failedAgain.dir().resolve("summary.json"), "error 2");
        failedAgain.publish(false);

        assertThat(Files.readString(reports.resolve("summary.json"))).as("the gate reads this run's").isEqualTo("error 2");
        assertThat(reports.resolve("allure-report")).doesNotExist();
        assertThat(Files.readString(reports.resolve("previous/allure-report/index.html"))).isEqualTo("good html");
        assertThat(Files.readString(reports.resolve("previous/summary.json"))).isEqualTo("good");

        StagedReports good = StagedReports.open(reports);
        write(good.dir().resolve("summary.json"), "passed");
        write(good.dir().resolve("cucumber/report.json"), "passed");
        good.publish(true);

        assertThat(names(reports)).containsExactlyInAnyOrder("summary.json", "cucumber");
    }

    @Test
    void stagingFoldersOfProcessesThatAreGoneAreRemovedAndDiscardRemovesOnesOwn() throws IOException {
        Path reports = dir.resolve("reports");
        long gone = 999_999_999L; // above Linux's highest pid_max (2^22): no such process
        write(reports.resolve(".vigil-run-" + gone + "-123/summary.json"), "killed");
        write(reports.resolve(".vigil-run-" + ProcessHandle.current().pid() + "-456/summary.json"), "running");

        StagedReports staged = StagedReports.open(reports);
        staged.discard();

        assertThat(names(reports)).containsExactly(".vigil-run-" + ProcessHandle.current().pid() + "-456");
        assertThatThrownBy(() -> staged.publish(true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFolderThatCannotBeMadeFailsWithTheOperatingSystemsReason() {
        assertThatThrownBy(() -> StagedReports.open(Path.of("/proc/vigil-forbidden")))
                .isInstanceOfSatisfying(IOException.class, e ->
                        assertThat(StagedReports.reason(e)).isNotBlank().doesNotContain("/proc/vigil-forbidden"));
        assertThat(StagedReports.reason(new NoSuchFileException("/x"))).isEqualTo("No such file or directory");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Stream<String> namesStream(Path dir) throws IOException {
        return Files.list(dir).map(path -> path.getFileName().toString());
    }

    private static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<String> names = namesStream(dir)) {
            return names.toList();
        }
    }
}
