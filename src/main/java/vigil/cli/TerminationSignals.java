package vigil.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Catches SIGINT and SIGTERM while a run is going, so the run can clean up and write its reports before the
 * process ends with 130 or 143. (A shutdown hook alone cannot tell the two signals apart.) The first signal
 * is acted on; a second one while that is under way is ignored.
 */
final class TerminationSignals implements AutoCloseable {
    private record Installed(Signal signal, SignalHandler previous) {
    }

    private final List<Installed> installed;

    private TerminationSignals(List<Installed> installed) {
        this.installed = installed;
    }

    /** @param onSignal called once, on the signal's own thread, with the exit code for the signal */
    static TerminationSignals install(IntConsumer onSignal) {
        AtomicBoolean handled = new AtomicBoolean();
        SignalHandler handler = signal -> {
            if (handled.compareAndSet(false, true)) {
                onSignal.accept(codeOf(signal));
            }
        };
        Signal interrupt = new Signal("INT");
        Signal terminate = new Signal("TERM");
        TerminationSignals installed = new TerminationSignals(List.of(
                new Installed(interrupt, Signal.handle(interrupt, handler)),
                new Installed(terminate, Signal.handle(terminate, handler))));
        int early = HELD.getAndSet(0);
        if (early != 0 && handled.compareAndSet(false, true)) {
            // Came while the JVM started and the command line was read: acted on as if it came now.
            Thread late = new Thread(() -> onSignal.accept(early), "vigil-early-signal");
            late.start();
        }
        return installed;
    }

    /** The exit code of a signal caught by {@link #holdFromStart()} before a command installed its own handling. */
    private static final AtomicInteger HELD = new AtomicInteger();

    /**
     * Catches SIGINT/SIGTERM from the first line of {@code main}, before the command line is read, and holds the
     * first one for the command's {@link #install}: without this, a signal in the JVM's first half second ends
     * the process by the JVM's default, with no report. Only for commands that install their own handling.
     */
    static void holdFromStart() {
        SignalHandler hold = signal -> HELD.compareAndSet(0, codeOf(signal));
        Signal.handle(new Signal("INT"), hold);
        Signal.handle(new Signal("TERM"), hold);
    }

    private static int codeOf(Signal signal) {
        return signal.getName().equals("INT") ? ExitCode.INTERRUPTED : ExitCode.TERMINATED;
    }

    @Override
    public void close() {
        installed.forEach(i -> Signal.handle(i.signal(), i.previous()));
    }
}
