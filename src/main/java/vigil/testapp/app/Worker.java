package vigil.testapp.app;

import java.time.Instant;

/**
 * The test app's worker process (a Procfile's {@code worker}): no port, no route; it proves it runs by printing
 * {@code vigil-worker tick <n> instance <CF_INSTANCE_INDEX>} to stdout every second until it is stopped.
 * JDK only, like the rest of the app.
 */
public final class Worker {

    static final long TICK_MILLIS = 1000;

    private Worker() {
    }

    public static void main(String[] args) throws InterruptedException {
        String index = System.getenv().getOrDefault("CF_INSTANCE_INDEX", "0");
        System.out.println("vigil-worker started instance " + index);
        for (long tick = 1; ; tick++) {
            System.out.println("vigil-worker tick " + tick + " instance " + index + " at " + Instant.now());
            System.out.flush();
            Thread.sleep(TICK_MILLIS);
        }
    }
}
