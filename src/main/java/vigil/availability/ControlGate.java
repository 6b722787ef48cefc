package vigil.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides which samples the instrument itself may have spoilt. A control probe checks an endpoint Vigil serves on
 * loopback, on the same scheduler as the real probes: when it fails, or answers later than {@code late}, the
 * instrument (GC, CPU starvation, a full scheduler) was the trouble, not the target. Every other probe's sample
 * whose scheduled time falls in such a window, from one control interval before the bad control check to one after
 * its answer (or timeout), is <em>inconclusive</em>: neither a success nor a failure of the target.
 *
 * <p>Streaming and bounded: a probe's samples are held until the control's in-order schedule has passed them by one
 * interval (at most the control's timeout plus an interval of samples per probe), then released in order, each
 * with its verdict. Bad windows are merged and dropped once they are older than {@link #HORIZON}.
 */
final class ControlGate {
    /** Windows older than this behind the control's schedule are forgotten: no held sample can fall in them. */
    static final Duration HORIZON = Duration.ofMinutes(10);
    /** Beyond this many held samples of one probe (a control that stopped answering) the oldest go on unjudged. */
    static final int MAX_HELD = 100_000;
    private static final int MAX_WINDOWS = 10_000;

    /** Where a released sample goes. */
    interface Release {
        void accept(Sample sample, boolean inconclusive);
    }

    private record Window(Instant from, Instant to) {
    }

    private final long intervalNanos;
    private final long lateMicros;
    private final List<ArrayDeque<Sample>> held = new ArrayList<>();
    private final List<Release> releases = new ArrayList<>();
    private final ArrayDeque<Window> bad = new ArrayDeque<>();
    private Instant watermark;
    private boolean flushed;

    /**
     * @param controlInterval the control probe's interval
     * @param late            a control answer later than this after its scheduled time marks a bad window
     */
    ControlGate(Duration controlInterval, Duration late) {
        this.intervalNanos = controlInterval.toNanos();
        this.lateMicros = late.toNanos() / 1000;
    }

    /** Registers a probe whose samples pass through; returns the number to pass them under. */
    synchronized int register(Release release) {
        releases.add(Objects.requireNonNull(release, "release"));
        held.add(new ArrayDeque<>());
        return releases.size() - 1;
    }

    /** Whether a control sample says the instrument was in trouble around its time. */
    boolean bad(Sample control) {
        return !control.outcome().ok() || control.latencyMicros() > lateMicros;
    }

    /** Takes the control probe's next sample (in schedule order) and releases what it has passed. */
    synchronized void control(Sample sample) {
        if (bad(sample)) {
            long spanNanos = Math.max(intervalNanos, sample.latencyMicros() * 1000);
            Window window = new Window(sample.scheduled().minusNanos(intervalNanos), sample.scheduled().plusNanos(spanNanos));
            Window last = bad.peekLast();
            if (last != null && !window.from().isAfter(last.to())) {
                bad.pollLast();
                window = new Window(last.from(), last.to().isAfter(window.to()) ? last.to() : window.to());
            }
            bad.addLast(window);
            if (bad.size() > MAX_WINDOWS) {
                bad.pollFirst();
            }
        }
        watermark = sample.scheduled();
        Instant forget = watermark.minus(HORIZON);
        while (!bad.isEmpty() && bad.peekFirst().to().isBefore(forget)) {
            bad.pollFirst();
        }
        for (int probe = 0; probe < held.size(); probe++) {
            release(probe, false);
        }
    }

    /** Takes probe {@code probe}'s next sample (in schedule order); releases it once the control has passed it. */
    synchronized void sample(int probe, Sample sample) {
        ArrayDeque<Sample> queue = held.get(probe);
        queue.addLast(sample);
        release(probe, flushed);
    }

    /** Releases every held sample, judged by the windows known so far: the control has stopped. */
    synchronized void flush() {
        flushed = true;
        for (int probe = 0; probe < held.size(); probe++) {
            release(probe, true);
        }
    }

    /** Whether {@code scheduled} falls in a bad window of the control. */
    synchronized boolean inconclusive(Instant scheduled) {
        for (Window window : bad) {
            if (!scheduled.isBefore(window.from()) && !scheduled.isAfter(window.to())) {
                return true;
            }
        }
        return false;
    }

    private void release(int probe, boolean all) {
        ArrayDeque<Sample> queue = held.get(probe);
        Release release = releases.get(probe);
        while (!queue.isEmpty()) {
            Sample head = queue.peekFirst();
            boolean passed = watermark != null && !head.scheduled().plusNanos(intervalNanos).isAfter(watermark);
            if (!passed && !all && queue.size() <= MAX_HELD) {
                return;
            }
            queue.pollFirst();
            release.accept(head, inconclusive(head.scheduled()));
        }
    }
}
