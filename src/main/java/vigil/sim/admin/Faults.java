package vigil.sim.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.sim.api.ApiRefusal;
import vigil.sim.cells.CellState;
import vigil.sim.cells.CellStatus;
import vigil.sim.cells.Cells;
import vigil.sim.http.Request;

/**
 * The faults injected into the embedded CF: each starts at once and ends by itself after its duration
 * (or earlier, when ended). Cell faults act on the cells; API and router faults are read by the Cloud
 * Controller and the router on every request through {@link #beforeApiRequest} and {@link #routerFailShare}.
 * <pre>{@code
 * Fault outage = sim.faults().start(FaultRequest.of(FaultKind.API_OUTAGE).lasting(Duration.ofSeconds(5)));
 * sim.faults().end(outage.id());   // or let it end by itself
 * }</pre>
 */
public final class Faults implements AutoCloseable {

    /** Ended faults kept for {@link #get}, so that a waiting client can see how its fault ended. */
    private static final int ENDED_KEPT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    private final Cells cells;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Map<String, Fault> faults = new LinkedHashMap<>();
    private final Map<String, ScheduledFuture<?>> endings = new LinkedHashMap<>();
    private volatile List<Fault> active = List.of();

    public Faults(Cells cells, Clock clock) {
        this.cells = cells;
        this.clock = clock;
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "vigil-sim-faults");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * Injects a fault now.
     *
     * @throws IllegalArgumentException when the named cell does not exist or is down already
     */
    public synchronized Fault start(FaultRequest request) {
        Instant now = clock.instant();
        String cell = request.kind() == FaultKind.KILL_CELL ? cellToKill(request.cell()) : null;
        Fault fault = new Fault(UUID.randomUUID().toString(), request.kind(), cell,
                request.kind() == FaultKind.SLOW_API || request.kind() == FaultKind.API_BURSTS ? request.delay() : null,
                request.kind() == FaultKind.ROUTER_ERRORS ? request.share() : 0, now, now.plus(request.duration()), null);
        faults.put(fault.id(), fault);
        refreshActive();
        if (cell != null) {
            cells.takeDown(cell);
        }
        endings.put(fault.id(), scheduler.schedule(() -> end(fault.id()), request.duration().toMillis(),
                TimeUnit.MILLISECONDS));
        LOG.info("fault started: {}", fault.describe());
        forgetOldest();
        return fault;
    }

    /** The named cell if it is not down already, else the cell that is up with the most instances. */
    private String cellToKill(String named) {
        if (named != null) {
            CellStatus cell = cells.cell(named);
            if (cell.state() == CellState.DOWN) {
                throw new IllegalArgumentException("cell '" + named + "' is down already");
            }
            return named;
        }
        return cells.cells().stream().filter(cell -> cell.state() == CellState.UP)
                .max(Comparator.comparingInt(CellStatus::instances))
                .map(CellStatus::name)
                .orElseThrow(() -> new IllegalArgumentException("no cell is up to be killed"));
    }

    /** Ends a fault now; empty when there is no such fault. Ending an ended fault changes nothing. */
    public synchronized Optional<Fault> end(String id) {
        Fault fault = faults.get(id);
        if (fault == null || !fault.isActive()) {
            return Optional.ofNullable(fault);
        }
        Fault ended = fault.endedAt(clock.instant());
        faults.put(id, ended);
        ScheduledFuture<?> ending = endings.remove(id);
        if (ending != null) {
            ending.cancel(false);
        }
        refreshActive();
        if (ended.cell() != null) {
            cells.bringUp(ended.cell());
        }
        LOG.info("fault ended: {}", ended.describe());
        return Optional.of(ended);
    }

    public synchronized Optional<Fault> get(String id) {
        return Optional.ofNullable(faults.get(id));
    }

    /** The faults in effect now, oldest first. */
    public List<Fault> active() {
        return active;
    }

    /**
     * The Cloud Controller's fault hook: a slow API (or an api-bursts fault in its slow phase) answers late;
     * during an outage (or a burst) CF API requests are refused with 503, or 429 in a rate-limit burst. The global
     * root ({@code GET /}) is never refused: it only links to the UAA, and an admin client needs it to log in and
     * end the outage ({@code /v2} and {@code /v3} are down).
     */
    public Optional<ApiRefusal> beforeApiRequest(Request request) {
        List<Fault> now = active;
        Instant at = clock.instant();
        now.stream().map(fault -> fault.delayAt(at)).max(Comparator.naturalOrder())
                .filter(delay -> !delay.isZero()).ifPresent(this::delay);
        if (request.path().equals("/")) {
            return Optional.empty();
        }
        return now.stream().map(fault -> fault.refusalAt(at)).flatMap(Optional::stream).findFirst();
    }

    /** Holds the request's thread for the delay, on a timer rather than a sleep. */
    private void delay(Duration delay) {
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                .join();
    }

    /** The router's fault hook: the largest share any active router-errors fault asks for. */
    public double routerFailShare() {
        return active.stream().filter(fault -> fault.kind() == FaultKind.ROUTER_ERRORS)
                .mapToDouble(Fault::share).max().orElse(0);
    }

    private void refreshActive() {
        active = faults.values().stream().filter(Fault::isActive).toList();
    }

    private void forgetOldest() {
        List<String> ended = new ArrayList<>(faults.values().stream().filter(fault -> !fault.isActive())
                .map(Fault::id).toList());
        for (int i = 0; i < ended.size() - ENDED_KEPT; i++) {
            faults.remove(ended.get(i));
        }
    }

    /** Ends every active fault (cells come back) and stops the timers. */
    @Override
    public void close() {
        active.forEach(fault -> end(fault.id()));
        scheduler.shutdownNow();
    }
}
