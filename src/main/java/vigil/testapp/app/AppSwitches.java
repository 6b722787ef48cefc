package vigil.testapp.app;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The app's mutable state, flipped over HTTP by scenarios: health, readiness and the request counter. */
final class AppSwitches {
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final AtomicLong counter = new AtomicLong();

    boolean healthy() {
        return healthy.get();
    }

    void healthy(boolean value) {
        healthy.set(value);
    }

    boolean ready() {
        return ready.get();
    }

    void ready(boolean value) {
        ready.set(value);
    }

    long incrementCounter() {
        return counter.incrementAndGet();
    }
}
