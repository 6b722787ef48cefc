package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.report.DuringResult;

class DuringCommandTest {
    @TempDir
    Path dir;

    @Test
    void recordsExitCodeTimesAndOutput() throws Exception {
        Path log = dir.resolve("during.log");

        DuringResult result = new DuringCommand("echo deploying; echo oops >&2; exit 3", log, Clock.systemUTC()).run();

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.command()).isEqualTo("echo deploying; echo oops >&2; exit 3");
        assertThat(result.end()).isAfterOrEqualTo(result.start());
        assertThat(Files.readString(log)).isEqualTo("deploying\noops\n");
        assertThat(DuringCommand.failure(result, log)).isEqualTo(
                "the --during command failed with exit code 3: echo deploying; echo oops >&2; exit 3 (its output is in "
                        + log + ")");
    }

    @Test
    void successIsNoFailure() throws Exception {
        DuringResult result = new DuringCommand("true", dir.resolve("during.log"), Clock.systemUTC()).run();

        assertThat(result.exitCode()).isZero();
        assertThat(DuringCommand.failure(result, dir.resolve("during.log"))).isNull();
    }

    @Test
    void nonexistentCommandIsNamedAsNotFound() throws Exception {
        Path log = dir.resolve("during.log");

        DuringResult result = new DuringCommand("vigil-no-such-command --deploy", log, Clock.systemUTC()).run();

        assertThat(result.exitCode()).isEqualTo(DuringCommand.NOT_FOUND);
        assertThat(DuringCommand.failure(result, log))
                .startsWith("the --during command was not found (sh exit 127): vigil-no-such-command --deploy");
        assertThat(Files.readString(log)).contains("vigil-no-such-command");
    }

    @Test
    void stoppingEndsTheCommandAndRecordsNoExitCode() throws Exception {
        DuringCommand command = new DuringCommand("sleep 30", dir.resolve("during.log"), Clock.systemUTC());
        CompletableFuture<DuringResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return command.run();
            } catch (DuringCommandException e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().until(() -> ProcessHandle.allProcesses()
                .anyMatch(p -> p.info().commandLine().orElse("").contains("sleep 30")));

        command.stop();

        DuringResult result = running.get(10, TimeUnit.SECONDS);
        assertThat(result.exitCode()).isNull();
        assertThat(DuringCommand.failure(result, dir.resolve("during.log"))).contains("stopped before it ended");
    }

    @Test
    void aLogThatCannotBeWrittenIsAClearError() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new DuringCommand("true", notADirectory.resolve("during.log"), Clock.systemUTC()).run())
                .isInstanceOf(DuringCommandException.class)
                .hasMessageContaining("cannot start the --during command");
    }
}
