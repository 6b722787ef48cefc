package vigil.availability;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Passes one probe's samples on in schedule order although their answers arrive out of order (a hung check
 * answers after later, quick ones): outages are runs of consecutive scheduled failures, so they must be seen
 * in that order. Holds at most the samples in flight, which the timeout bounds (timeout x rate).
 */
final class InOrderRelease {
    private final Consumer<Sample> next;
    private final Map<Long, Sample> waiting = new HashMap<>();
    private long expected;

    InOrderRelease(Consumer<Sample> next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    /** Takes sample {@code seq}; releases it and every waiting successor once all before it were released. */
    synchronized void accept(Sample sample) {
        if (sample.seq() != expected) {
            waiting.put(sample.seq(), sample);
            return;
        }
        next.accept(sample);
        expected++;
        for (Sample successor = waiting.remove(expected); successor != null; successor = waiting.remove(expected)) {
            next.accept(successor);
            expected++;
        }
    }

    /** Samples released so far. */
    synchronized long released() {
        return expected;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
