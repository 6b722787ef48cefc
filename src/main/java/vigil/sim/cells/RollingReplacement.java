package vigil.sim.cells;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The indices a rolling deployment still has to bring to its version, at most {@code maxInFlight} of them
 * replacing at a time, as CC's deployment updater scales the new process up and the old one down.
 * Guarded by the lock of its {@link LongRunningProcess}, which calls {@link #advance} until it is done.
 */
final class RollingReplacement {

    private final String version;
    private final int maxInFlight;
    private final Deque<IndexSupervisor> waiting;
    private final List<IndexSupervisor> inFlight = new ArrayList<>();

    RollingReplacement(String version, int maxInFlight, List<IndexSupervisor> toReplace) {
        this.version = version;
        this.maxInFlight = maxInFlight;
        this.waiting = new ArrayDeque<>(toReplace);
    }

    String version() {
        return version;
    }

    /**
     * Lets indices whose new instance is running go, and starts replacing the next ones; indices scaled away
     * in the meantime are skipped. True once every index serves the version.
     */
    boolean advance(List<IndexSupervisor> indices) {
        inFlight.removeIf(index -> !indices.contains(index) || index.serves(version));
        while (inFlight.size() < maxInFlight && !waiting.isEmpty()) {
            IndexSupervisor next = waiting.poll();
            if (indices.contains(next) && !next.serves(version)) {
                next.replace();
                inFlight.add(next);
            }
        }
        return inFlight.isEmpty() && waiting.isEmpty();
    }
}
