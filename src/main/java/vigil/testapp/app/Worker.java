package vigil.testapp.app;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test app's worker process (a Procfile's {@code worker}): no port, no route; it proves it runs by printing
 * {@code vigil-worker tick <n> instance <CF_INSTANCE_INDEX>} to stdout every second until it is stopped.
 * JDK only, like the rest of the app.
 */
public final class Worker {

    static final long TICK_MILLIS = 1000;

    private Worker() {
    }

    public static void main(String[] args) {
        String index = System.getenv().getOrDefault("CF_INSTANCE_INDEX", "0");
        System.out.println("vigil-worker started instance " + index);
        AtomicLong tick = new AtomicLong();
        // A fixed-rate schedule, not a sleeping loop: the ticks keep their rate; its thread keeps the JVM alive.
        Executors.newSingleThreadScheduledExecutor().scheduleAtFixedRate(() -> {
            System.out.println("vigil-worker tick " + tick.incrementAndGet() + " instance " + index + " at " + Instant.now());
            System.out.flush();
        }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
}
