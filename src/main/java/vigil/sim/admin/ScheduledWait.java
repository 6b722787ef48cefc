package vigil.sim.admin;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Waits of the sim's own operations (deploys, faults) as futures on a scheduler, so that no thread sits
 * blocked while a cell drains or pauses, and closing the scheduler ends every wait.
 */
final class ScheduledWait {

    static final Duration POLL = Duration.ofMillis(50);

    private final ScheduledExecutorService scheduler;

    ScheduledWait(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Completes after the pause. */
    CompletableFuture<Void> pause(Duration pause) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.schedule(() -> done.complete(null), pause.toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    /** Completes with true once the condition holds, or with false once the timeout has passed without it. */
    CompletableFuture<Boolean> until(BooleanSupplier condition, Duration timeout) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        AtomicReference<ScheduledFuture<?>> polling = new AtomicReference<>();
        polling.set(scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (condition.getAsBoolean()) {
                    done.complete(true);
                } else if (System.nanoTime() - deadline >= 0) {
                    done.complete(false);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS));
        done.whenComplete((result, error) -> polling.get().cancel(false));
        return done;
    }
}
