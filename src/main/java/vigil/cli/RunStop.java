package vigil.cli;

import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/**
 * Decides who ends a {@code vigil run} when SIGINT/SIGTERM comes: the main thread or the signal's thread, never
 * both, so that every stopped run ends with 130/143 and a {@code summary.json} saying {@code aborted}, whenever
 * the signal came.
 *
 * <ul>
 *   <li>during setup or while scenarios run: the signal's thread takes over (it cleans up, writes and publishes
 *       the aborted reports, and ends the process); the main thread stops at its next step here;</li>
 *   <li>while the main thread writes the reports: the signal is noted; the main thread finishes the reports,
 *       marks them aborted and returns the signal's code;</li>
 *   <li>after the reports are published, until the command returns (e.g. while the embedded CF stops): the
 *       signal's thread marks the published summary aborted and ends the process with the signal's code.</li>
 * </ul>
 */
final class RunStop {
    private enum Phase { SETUP, RUNNING, REPORTING, PUBLISHED, CLOSED, TAKEN_OVER }

    /** The work of a signal's thread that took over, before the process ends with its code. */
    interface Takeover {
        /** @param running whether scenarios may be running (the run's CF workspace may exist) */
        void abortRun(int exitCode, boolean running);

        /** The reports are published already: mark them aborted. */
        void markPublishedAborted(int exitCode);
    }

    private final Object lock = new Object();
    private final CountDownLatch mainStopped = new CountDownLatch(1);
    private final Takeover takeover;
    private final IntConsumer exit;
    private Phase phase = Phase.SETUP;
    private int notedSignal;

    /** @param exit ends the process ({@code System::exit}) */
    RunStop(Takeover takeover, IntConsumer exit) {
        this.takeover = takeover;
        this.exit = exit;
    }

    /** The signal handler: called once, on the signal's thread. */
    void signal(int exitCode) {
        Phase was;
        synchronized (lock) {
            was = phase;
            switch (was) {
                case REPORTING -> {
                    notedSignal = exitCode;
                    return;
                }
                case CLOSED, TAKEN_OVER -> {
                    return;
                }
                default -> phase = Phase.TAKEN_OVER;
            }
        }
        if (was == Phase.PUBLISHED) {
            takeover.markPublishedAborted(exitCode);
        } else {
            takeover.abortRun(exitCode, was == Phase.RUNNING);
        }
        exit.accept(exitCode);
    }

    /**
     * For a signal's thread that took over: waits at most {@code bound} for the main thread to stop at its next
     * step (its scenarios ended as their org went, Cucumber's reports written), so the reports are complete and
     * nothing writes into the staging folder once it is published.
     */
    void awaitMainStopped(java.time.Duration bound) {
        try {
            mainStopped.await(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The main thread is about to run the scenarios. */
    void running() throws InterruptedException {
        enter(Phase.RUNNING);
    }

    /** The main thread is about to write the reports; from here a signal only marks them aborted. */
    void reporting() throws InterruptedException {
        enter(Phase.REPORTING);
    }

    /** The signal's exit code if one came while the reports were written, else 0. */
    int notedSignal() {
        synchronized (lock) {
            return notedSignal;
        }
    }

    /**
     * The main thread published the reports; returns the exit code of a signal noted while it wrote them (after
     * it last looked), else 0. From here a signal's thread marks the published reports aborted and ends the process.
     */
    int published() throws InterruptedException {
        enter(Phase.PUBLISHED);
        return notedSignal();
    }

    /** The command is about to return; a signal from now on is the JVM's to handle. */
    void closing() throws InterruptedException {
        enter(Phase.CLOSED);
    }

    /**
     * The main thread ends with an error: it waits for a signal's thread that took over (which ends the process),
     * so that the two do not both decide the exit code.
     */
    void failing() throws InterruptedException {
        enter(Phase.CLOSED);
    }

    private void enter(Phase next) throws InterruptedException {
        synchronized (lock) {
            if (phase != Phase.TAKEN_OVER) {
                phase = next;
                return;
            }
        }
        // The signal's thread is ending the process; nothing this thread does from here may count.
        mainStopped.countDown();
        new CountDownLatch(1).await();
    }
}
