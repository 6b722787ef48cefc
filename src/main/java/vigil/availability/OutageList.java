package vigil.availability;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import vigil.report.AvailabilityResult.Outage;

/**
 * The outages of one probe in constant memory: the {@code capacity} longest in full, the rest as a count,
 * so that a flapping target over 12 hours cannot grow the heap or summary.json without bound.
 */
final class OutageList {
    /** How many outages a probe's result lists in full. */
    static final int DEFAULT_CAPACITY = 100;

    private static final Comparator<Outage> SHORTEST_FIRST =
            Comparator.comparingDouble(Outage::durationS).thenComparing(Outage::start, Comparator.reverseOrder());

    private final int capacity;
    private final PriorityQueue<Outage> longest;
    private long count;
    private Outage longestOne;

    OutageList(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.longest = new PriorityQueue<>(capacity + 1, SHORTEST_FIRST);
    }

    void add(Outage outage) {
        count++;
        if (longestOne == null || outage.durationS() > longestOne.durationS()) {
            longestOne = outage;
        }
        longest.add(outage);
        if (longest.size() > capacity) {
            longest.poll();
        }
    }

    long count() {
        return count;
    }

    /** The longest outage; the first of equals; {@code null} when there was none. */
    Outage longest() {
        return longestOne;
    }

    /** The outages kept, oldest first. */
    List<Outage> kept() {
        return longest.stream().sorted(Comparator.comparing(Outage::start)).toList();
    }
}
