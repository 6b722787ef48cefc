package vigil.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One probe's samples aggregated per time bucket for the timeline plot, in constant memory: buckets start at
 * one second and double in width (neighbours merged) whenever the run outgrows {@link #MAX_BUCKETS}.
 * Per bucket it keeps counts and a coarse log-scale latency histogram (enough for a plotted p99).
 */
final class Timeline {
    static final int MAX_BUCKETS = 2000;
    /** Latency classes: bounds grow by 2^(1/3) (26 %) from 0.1 ms, up to ~4 min; coarse, but a plot needs no more. */
    static final int LATENCY_CLASSES = 64;
    private static final double SMALLEST_MS = 0.1;
    private static final double CLASSES_PER_DOUBLING = 3;

    /** Figures of one bucket. */
    record Bucket(Instant start, Duration width, long samples, long failures, long tolerated, double p99LatencyMs,
                  long inconclusive) {
        Bucket(Instant start, Duration width, long samples, long failures, long tolerated, double p99LatencyMs) {
            this(start, width, samples, failures, tolerated, p99LatencyMs, 0);
        }

        double failureShare() {
            return samples == 0 ? 0 : (double) failures / samples;
        }
    }

    private final Instant origin;
    private final int maxBuckets;
    private long widthNanos;
    private final Counts[] buckets;
    private int used;

    Timeline(Instant origin) {
        this(origin, Duration.ofSeconds(1), MAX_BUCKETS);
    }

    Timeline(Instant origin, Duration initialWidth, int maxBuckets) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.widthNanos = initialWidth.toNanos();
        this.maxBuckets = maxBuckets;
        this.buckets = new Counts[maxBuckets];
    }

    void accept(Instant scheduled, boolean failed, boolean tolerated, long latencyMicros) {
        Counts counts = bucket(scheduled);
        counts.samples++;
        if (failed) {
            counts.failures++;
        } else if (tolerated) {
            counts.tolerated++;
        } else {
            counts.latency[latencyClass(latencyMicros)]++;
        }
    }

    /** A sample the control probe judged inconclusive: shown, counted apart from the samples. */
    void acceptInconclusive(Instant scheduled) {
        bucket(scheduled).inconclusive++;
    }

    private Counts bucket(Instant scheduled) {
        long offset = Math.max(0, Duration.between(origin, scheduled).toNanos());
        long index = offset / widthNanos;
        while (index >= maxBuckets) {
            mergeNeighbours();
            index = offset / widthNanos;
        }
        int i = (int) index;
        if (buckets[i] == null) {
            buckets[i] = new Counts();
        }
        used = Math.max(used, i + 1);
        return buckets[i];
    }

    Instant origin() {
        return origin;
    }

    Duration bucketWidth() {
        return Duration.ofNanos(widthNanos);
    }

    /** Every bucket from the origin to the last one with samples; empty buckets have 0 samples. */
    List<Bucket> buckets() {
        List<Bucket> list = new ArrayList<>(used);
        for (int i = 0; i < used; i++) {
            Counts c = buckets[i] == null ? new Counts() : buckets[i];
            list.add(new Bucket(origin.plusNanos(i * widthNanos), bucketWidth(), c.samples, c.failures, c.tolerated,
                    c.p99(), c.inconclusive));
        }
        return list;
    }

    private void mergeNeighbours() {
        for (int i = 0; i < maxBuckets / 2; i++) {
            Counts merged = Counts.merge(buckets[2 * i], buckets[2 * i + 1]);
            buckets[i] = merged;
        }
        for (int i = maxBuckets / 2; i < maxBuckets; i++) {
            buckets[i] = null;
        }
        used = (used + 1) / 2;
        widthNanos *= 2;
    }

    static int latencyClass(long latencyMicros) {
        double ms = latencyMicros / 1000.0;
        if (ms <= SMALLEST_MS) {
            return 0;
        }
        int c = (int) Math.ceil(CLASSES_PER_DOUBLING * Math.log(ms / SMALLEST_MS) / Math.log(2));
        return Math.min(LATENCY_CLASSES - 1, c);
    }

    /** The upper bound, in ms, of latency class {@code c}. */
    static double classUpperMs(int c) {
        return SMALLEST_MS * Math.pow(2, c / CLASSES_PER_DOUBLING);
    }

    private static final class Counts {
        long samples;
        long failures;
        long tolerated;
        long inconclusive;
        final int[] latency = new int[LATENCY_CLASSES];

        static Counts merge(Counts a, Counts b) {
            if (a == null) {
                return b;
            }
            if (b != null) {
                a.samples += b.samples;
                a.failures += b.failures;
                a.tolerated += b.tolerated;
                a.inconclusive += b.inconclusive;
                for (int i = 0; i < LATENCY_CLASSES; i++) {
                    a.latency[i] += b.latency[i];
                }
            }
            return a;
        }

        /** NaN when no sample in the bucket succeeded. */
        double p99() {
            long total = 0;
            for (int n : latency) {
                total += n;
            }
            if (total == 0) {
                return Double.NaN;
            }
            long rank = (long) Math.ceil(total * 0.99);
            long seen = 0;
            for (int c = 0; c < LATENCY_CLASSES; c++) {
                seen += latency[c];
                if (seen >= rank) {
                    return classUpperMs(c);
                }
            }
            return classUpperMs(LATENCY_CLASSES - 1);
        }
    }
}
