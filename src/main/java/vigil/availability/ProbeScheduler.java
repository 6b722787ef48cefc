package vigil.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Fires every probe at fixed times {@code t0 + k / rate}, whatever its earlier checks are doing, and turns
 * each check into one {@link Sample}: a check that starts late is measured from its scheduled time, one that
 * has no answer by {@code scheduled + timeout} fails then, and one due when its timeout has already passed
 * (the instrument stalled) fails as {@value FailureKind#LATE} without being sent. So the schedule never
 * waits for the target and no failure hides behind a slow answer (no coordinated omission).
 *
 * <p>A check counts as in flight until the probe's own future completes, which may be after its timeout (a push
 * that is still running, a client that ignores its timeout). A check due while {@link ProbeSpec#maxInFlight()}
 * are in flight is not sent: it fails at its scheduled time as {@value FailureKind#IN_FLIGHT_CAP}, so a hung
 * target can neither exhaust the instrument's threads and sockets nor make it skip samples.
 */
final class ProbeScheduler implements AutoCloseable {
    static final int TIMER_THREADS = 4;

    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final List<Schedule> schedules = new ArrayList<>();
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

    /** @param clock gives the wall time of {@code t0}; the schedule itself runs on {@link System#nanoTime()} */
    ProbeScheduler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        // A tick only starts an async check, but starting one can itself take milliseconds (the JDK client
        // does connection work in sendAsync): several threads keep one slow start from delaying other probes.
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(TIMER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "vigil-probe-schedule");
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    /** Starts firing {@code probe} now; each sample goes to {@code samples} as soon as it is complete. */
    synchronized void start(Probe probe, Consumer<Sample> samples) {
        Schedule schedule = new Schedule(probe, samples, clock.instant(), System.nanoTime());
        schedules.add(schedule);
        schedule.future = timer.scheduleAtFixedRate(schedule::tick, 0, probe.spec().intervalNanos(),
                TimeUnit.NANOSECONDS);
    }

    /**
     * Stops firing and waits, at most {@code bound}, for the checks in flight (each ends by its own timeout).
     *
     * @return whether every check in flight ended within the bound
     */
    boolean stop(Duration bound) {
        synchronized (this) {
            schedules.forEach(Schedule::stop);
        }
        CompletableFuture<?>[] pending = inFlight.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(bound.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true; // each check handles its own failure; allOf cannot fail
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class Schedule {
        private final Probe probe;
        private final Consumer<Sample> samples;
        private final Instant origin;
        private final long originNanos;
        private final long intervalNanos;
        private final long timeoutNanos;
        private final int maxInFlight;
        private final AtomicInteger running = new AtomicInteger();
        private ScheduledFuture<?> future;
        // Ticks of one schedule never overlap (scheduleAtFixedRate), and stop() takes the same lock.
        private long next;
        private boolean stopped;

        Schedule(Probe probe, Consumer<Sample> samples, Instant origin, long originNanos) {
            this.probe = probe;
            this.samples = samples;
            this.origin = origin;
            this.originNanos = originNanos;
            this.intervalNanos = probe.spec().intervalNanos();
            this.timeoutNanos = probe.spec().timeout().toNanos();
            this.maxInFlight = probe.spec().maxInFlight();
        }

        synchronized void stop() {
            stopped = true;
            if (future != null) {
                future.cancel(false);
            }
        }

        synchronized void tick() {
            if (stopped) {
                return;
            }
            long seq = next++;
            long scheduledOffset = seq * intervalNanos;
            long startNanos = System.nanoTime();
            Instant scheduled = origin.plusNanos(scheduledOffset);
            Instant start = origin.plusNanos(startNanos - originNanos);
            long remaining = timeoutNanos - (startNanos - originNanos - scheduledOffset);
            if (remaining <= 0) {
                samples.accept(new Sample(seq, scheduled, start, (startNanos - originNanos - scheduledOffset) / 1000,
                        ProbeOutcome.failure(null, FailureKind.LATE, null)));
                return;
            }
            if (running.get() >= maxInFlight) {
                samples.accept(new Sample(seq, scheduled, start, (startNanos - originNanos - scheduledOffset) / 1000,
                        ProbeOutcome.failure(null, FailureKind.IN_FLIGHT_CAP, null)));
                return;
            }
            CompletableFuture<ProbeOutcome> fired;
            try {
                fired = Objects.requireNonNull(probe.fire(scheduled), "the probe returned no future");
            } catch (RuntimeException e) {
                fired = CompletableFuture.failedFuture(e);
            }
            running.incrementAndGet();
            fired.whenComplete((outcome, error) -> running.decrementAndGet());
            CompletableFuture<ProbeOutcome> answer = fired.copy();
            CompletableFuture<Void> done = answer.orTimeout(remaining, TimeUnit.NANOSECONDS).handle((outcome, error) -> {
                long latencyMicros = (System.nanoTime() - originNanos - scheduledOffset) / 1000;
                ProbeOutcome measured = error != null ? ProbeOutcome.failure(null, FailureKind.of(error), null)
                        : outcome == null ? ProbeOutcome.failure(null, "no_outcome", null) : outcome;
                samples.accept(new Sample(seq, scheduled, start, latencyMicros, measured));
                return null;
            });
            if (!done.isDone()) {
                inFlight.add(done);
                done.whenComplete((ignored, error) -> inFlight.remove(done));
            }
        }
    }
}
