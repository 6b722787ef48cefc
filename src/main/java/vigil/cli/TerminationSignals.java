package vigil.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
                onSignal.accept(signal.getName().equals("INT") ? ExitCode.INTERRUPTED : ExitCode.TERMINATED);
            }
        };
        Signal interrupt = new Signal("INT");
        Signal terminate = new Signal("TERM");
        return new TerminationSignals(List.of(new Installed(interrupt, Signal.handle(interrupt, handler)),
                new Installed(terminate, Signal.handle(terminate, handler))));
    }

    @Override
    public void close() {
        installed.forEach(i -> Signal.handle(i.signal(), i.previous()));
    }
}
