package vigil.sim.network;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named for the component, so a forgotten one never keeps the JVM up and shows in a dump. */
final class Threads {

    private Threads() {
    }

    static ExecutorService cached(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> daemon(runnable, prefix + "-" + count.incrementAndGet()));
    }

    static ScheduledExecutorService single(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, name));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
