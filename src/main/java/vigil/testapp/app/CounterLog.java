package vigil.testapp.app;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints {@code vigil-counter <n> <ISO-8601 instant>} at a fixed rate, n counting 1, 2, 3, ... so that a
 * log-freshness probe sees both how recent the app's logs are and whether lines went missing.
 * The sequence is its own, apart from the {@code /counter} endpoint's, so requests cannot make gaps.
 */
final class CounterLog implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigil-testapp-counter-log");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong sequence = new AtomicLong();

    CounterLog(Duration every, PrintStream out, Clock clock) {
        long millis = every.toMillis();
        timer.scheduleAtFixedRate(() -> out.println("vigil-counter " + sequence.incrementAndGet() + " " + clock.instant()),
                millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
