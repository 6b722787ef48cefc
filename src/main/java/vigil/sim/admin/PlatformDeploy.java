package vigil.sim.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import vigil.sim.cells.CellState;
import vigil.sim.cells.CellStatus;
import vigil.sim.cells.Cells;

/**
 * One rolling platform deploy, as {@code bosh deploy} updates Diego cells: one cell at a time, each
 * evacuated (its instances replaced on other cells, healthy before the old ones stop) or, without
 * evacuation, its instances killed; then the cell is down for the drain pause and comes back. Runs as a
 * chain of scheduled steps, so nothing blocks while it waits.
 */
final class PlatformDeploy {

    /** Diego gives evacuation a deadline too; an instance that cannot move by then is stopped where it is. */
    static final Duration EVACUATION_TIMEOUT = Duration.ofSeconds(90);
    /** Killed processes are gone in moments; this bounds a process that ignores SIGKILL's reaping. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** How long a deploy without evacuation waits for the killed instances to run again before the next cell. */
    static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private final String id;
    private final DeployRequest request;
    private final Cells cells;
    private final ScheduledWait wait;
    private final Clock clock;
    private final Instant startedAt;
    private final List<CellProgress> progress = new ArrayList<>();
    private String state = DeployStatus.RUNNING;
    private Instant endedAt;
    private String error;

    PlatformDeploy(String id, DeployRequest request, Cells cells, ScheduledWait wait, Clock clock) {
        this.id = id;
        this.request = request;
        this.cells = cells;
        this.wait = wait;
        this.clock = clock;
        this.startedAt = clock.instant();
        cells.cells().forEach(cell -> progress.add(CellProgress.pending(cell.name(), cell.zone())));
    }

    /** Starts the first cell's turn; the returned future completes when the deploy has ended either way. */
    CompletableFuture<Void> start() {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < progress.size(); i++) {
            int turn = i;
            chain = chain.thenCompose(ignored -> roll(turn));
        }
        return chain.handle((ignored, failure) -> {
            finish(failure);
            return null;
        });
    }

    private CompletableFuture<Void> roll(int turn) {
        String name = progressOf(turn).name();
        CellStatus cell = cells.cell(name);
        if (cell.state() == CellState.DOWN) {
            update(turn, p -> p.noted("down already (a fault?): left as it is").ended("skipped", clock.instant()));
            return CompletableFuture.completedFuture(null);
        }
        update(turn, p -> p.started(cell.instances(), clock.instant()));
        boolean evacuating = request.evacuation() && otherCellUp(name);
        CompletableFuture<Void> emptied;
        if (evacuating) {
            cells.evacuate(name);
            emptied = wait.until(() -> cells.cell(name).instances() == 0, EVACUATION_TIMEOUT).thenAccept(moved -> {
                if (!moved) {
                    update(turn, p -> p.noted("evacuation timed out after " + EVACUATION_TIMEOUT.toSeconds()
                            + " s: the instances left were stopped"));
                }
            });
        } else {
            if (request.evacuation()) {
                update(turn, p -> p.noted("no other cell is up: instances stopped without evacuation"));
            }
            emptied = CompletableFuture.completedFuture(null);
        }
        return emptied
                .thenCompose(ignored -> {
                    update(turn, p -> p.phase("stopping"));
                    cells.takeDown(name);
                    return wait.until(() -> cells.cell(name).instances() == 0, STOP_TIMEOUT);
                })
                .thenCompose(stopped -> {
                    update(turn, p -> p.phase("restarting"));
                    return wait.pause(request.drain());
                })
                .thenCompose(ignored -> {
                    cells.bringUp(name);
                    if (evacuating) {
                        return CompletableFuture.completedFuture(true);
                    }
                    // Killed instances restart by themselves; the next cell waits for them, as BOSH waits for a healthy cell.
                    update(turn, p -> p.phase("settling"));
                    return wait.until(() -> cells.instancesNotRunning() == 0, SETTLE_TIMEOUT);
                })
                .thenAccept(settled -> {
                    if (!settled) {
                        update(turn, p -> p.noted("instances still not running after " + SETTLE_TIMEOUT.toSeconds() + " s"));
                    }
                    update(turn, p -> p.ended("done", clock.instant()));
                });
    }

    private boolean otherCellUp(String name) {
        return cells.cells().stream().anyMatch(cell -> !cell.name().equals(name) && cell.state() == CellState.UP);
    }

    private synchronized CellProgress progressOf(int turn) {
        return progress.get(turn);
    }

    private synchronized void update(int turn, UnaryOperator<CellProgress> change) {
        progress.set(turn, change.apply(progress.get(turn)));
    }

    private synchronized void finish(Throwable failure) {
        if (!DeployStatus.RUNNING.equals(state)) {
            return;
        }
        endedAt = clock.instant();
        if (failure == null) {
            state = DeployStatus.SUCCEEDED;
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        state = DeployStatus.FAILED;
        error = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** The sim is stopping: a deploy still running has failed, and says so. */
    void abort(String reason) {
        finish(new IllegalStateException(reason));
    }

    String id() {
        return id;
    }

    synchronized DeployStatus status() {
        return new DeployStatus(id, state, request, startedAt, endedAt, progress, error);
    }
}
