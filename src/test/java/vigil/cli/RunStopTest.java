package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Who ends a run when a signal comes: exactly one of the main thread and the signal's thread, in every phase. */
class RunStopTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final RunStop stop = new RunStop(new RunStop.Takeover() {
        @Override
        public void abortRun(int exitCode, boolean running) {
            events.add("abort " + exitCode + (running ? " running" : " in setup"));
        }

        @Override
        public void markPublishedAborted(int exitCode) {
            events.add("mark published " + exitCode);
        }
    }, code -> events.add("exit " + code));

    @Test
    void aSignalDuringSetupIsTakenOverAndTheMainThreadStopsAtItsNextStep() throws Exception {
        stop.signal(ExitCode.TERMINATED);

        assertThat(events).containsExactly("abort 143 in setup", "exit 143");
        Thread main = new Thread(() -> {
            try {
                stop.running();
                events.add("main ran scenarios");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        main.start();
        await("the main thread to stop").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> main.getState() == Thread.State.WAITING);
        stop.awaitMainStopped(Duration.ofSeconds(10));
        main.interrupt();
        main.join(10_000);
        assertThat(events).doesNotContain("main ran scenarios");
    }

    @Test
    void aSignalWhileScenariosRunAbortsThem() throws Exception {
        stop.running();

        stop.signal(ExitCode.INTERRUPTED);

        assertThat(events).containsExactly("abort 130 running", "exit 130");
    }

    @Test
    void aSignalWhileTheReportsAreWrittenIsLeftToTheMainThread() throws Exception {
        stop.running();
        stop.reporting();

        stop.signal(ExitCode.TERMINATED);

        assertThat(events).as("the main thread finishes the reports").isEmpty();
        assertThat(stop.notedSignal()).isEqualTo(ExitCode.TERMINATED);
        assertThat(stop.published()).as("and learns of it once they are in place").isEqualTo(ExitCode.TERMINATED);
    }

    @Test
    void aSignalAfterTheReportsArePublishedMarksThemAbortedAndOneAfterTheEndIsTheJvms() throws Exception {
        stop.running();
        stop.reporting();
        assertThat(stop.published()).isZero();

        stop.signal(ExitCode.TERMINATED);

        assertThat(events).containsExactly("mark published 143", "exit 143");
        RunStop ended = new RunStop(new RunStop.Takeover() {
            @Override
            public void abortRun(int exitCode, boolean running) {
                events.add("late abort");
            }

            @Override
            public void markPublishedAborted(int exitCode) {
                events.add("late mark");
            }
        }, code -> events.add("late exit"));
        ended.closing();
        ended.signal(ExitCode.TERMINATED);
        assertThat(events).doesNotContain("late abort", "late mark", "late exit");
    }
}
