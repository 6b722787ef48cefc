package vigil.sim.router;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Balances requests over the backends of a route, one counter per route, safe for concurrent
 * requests. A route is known here by its host and the instances behind it (the resolver does not name
 * the matched route), so the pool of a host and path prefix keeps its own rotation, as in gorouter.
 */
final class RoundRobin {

    // A pool changes whenever an instance starts or stops; old counters are dropped wholesale past
    // this size rather than tracked, since losing a rotation position costs nothing.
    private static final int MAX_POOLS = 4096;

    private static final Comparator<Backend> STABLE_ORDER = Comparator.comparing((Backend b) -> String.valueOf(b.appGuid()))
            .thenComparingInt(Backend::index)
            .thenComparing(b -> String.valueOf(b.instanceGuid()));

    private final ConcurrentMap<String, AtomicLong> next = new ConcurrentHashMap<>();

    /**
     * The backends in the order to try them: the next one in the rotation first, then the others in
     * rotation order, which is where a retry after a connection failure goes.
     */
    List<Backend> order(String host, List<Backend> backends) {
        if (backends.size() < 2) {
            return backends;
        }
        // The resolver may list instances in any order; rotating over a sorted list keeps the spread even.
        List<Backend> sorted = new ArrayList<>(backends);
        sorted.sort(STABLE_ORDER);
        int start = (int) Math.floorMod(counter(host, sorted).getAndIncrement(), (long) sorted.size());
        List<Backend> ordered = new ArrayList<>(sorted.size());
        ordered.addAll(sorted.subList(start, sorted.size()));
        ordered.addAll(sorted.subList(0, start));
        return ordered;
    }

    private AtomicLong counter(String host, List<Backend> sorted) {
        String pool = host + " " + sorted.stream().map(b -> b.host() + ":" + b.port() + "/" + b.instanceGuid()).collect(Collectors.joining(","));
        AtomicLong counter = next.get(pool);
        if (counter != null) {
            return counter;
        }
        if (next.size() >= MAX_POOLS) {
            next.clear();
        }
        return next.computeIfAbsent(pool, key -> new AtomicLong());
    }
}
