package vigil.availability.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import vigil.availability.HttpProbe;
import vigil.availability.Measurement;
import vigil.availability.MeasurementResult;
import vigil.availability.ProbeSpec;
import vigil.report.AvailabilityResult;

/**
 * Figures of the instrument for {@code bench/availability.sh}, one mode per call, each printing
 * tab-separated result lines that start with {@code RESULT}:
 * <ul>
 *   <li>{@code outage RATE_HZ LENGTH_MS}: the error of the measured outage length against an injected one</li>
 *   <li>{@code rate PROBES_PER_S SECONDS}: whether that aggregate rate holds (p99 schedule lag, samples lost)</li>
 *   <li>{@code memory PROBES_PER_S MINUTES...}: resident memory after each of the given minutes</li>
 *   <li>{@code watch PROBES_PER_S MINUTES...}: the same for {@code vigil watch --suites none}: URLs probed over kept-alive
 *   and fresh connections (half the rate each) with the control probe, windows rotated every minute, {@code /metrics}
 *   scraped at each minute given (issue 15)</li>
 * </ul>
 */
public final class AvailabilityBench {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long MB = 1024 * 1024;

    private AvailabilityBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host,connection");
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path dir = Files.createTempDirectory("vigil-bench");
        switch (args[0]) {
            case "outage" -> outage(dir, Double.parseDouble(args[1]), Long.parseLong(args[2]));
            case "rate" -> rate(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : 0);
            case "memory" -> memory(dir, Integer.parseInt(args[1]), args);
            case "watch" -> WatchSoak.run(dir, Integer.parseInt(args[1]), args);
            default -> throw new IllegalArgumentException("mode: outage, rate or memory");
        }
        System.exit(0);
    }

    private static void outage(Path dir, double rate, long lengthMs) throws Exception {
        try (BenchServer server = new BenchServer(2)) {
            Measurement measurement = Measurement.in(dir).probe(probe("app", server, rate)).start();
            measurement.awaitLive(Duration.ofSeconds(30));
            wait(Duration.ofMillis(500));
            // A random phase against the schedule, as a real outage has.
            long delayMs = 300 + (long) (Math.random() * 1000 / rate);
            server.outage(Duration.ofMillis(delayMs), Duration.ofMillis(lengthMs));
            wait(Duration.ofMillis(delayMs + lengthMs + 1000));
            AvailabilityResult result = measurement.stop().probes().get(0);
            double measuredMs = result.outages().stream().mapToDouble(AvailabilityResult.Outage::durationS).max()
                    .orElse(0) * 1000;
            System.out.printf(Locale.ROOT, "RESULT\t%.0f\t%d\t%.1f\t%.1f\t%d\t%d%n", rate, lengthMs, measuredMs,
                    measuredMs - lengthMs, (long) (1000 / rate), result.outageCount());
        }
    }

    private static void rate(Path dir, int perSecond, int seconds, int warmupSeconds) throws Exception {
        try (BenchServer server = new BenchServer(2)) {
            if (warmupSeconds > 0) {
                // Steady state is what a long run sees. A cold JVM at 1000/s spirals (slow first requests pile up
                // connections on both ends of the same 2 cores), so the JIT warms up at 200/s first.
                rateRun(Files.createDirectories(dir.resolve("warmup-200")), server, 200, warmupSeconds);
                rateRun(Files.createDirectories(dir.resolve("warmup")), server, perSecond, warmupSeconds);
            }
            rateRun(dir, server, perSecond, seconds);
        }
    }

    private static void rateRun(Path dir, BenchServer server, int perSecond, int seconds) throws Exception {
        int probes = Math.max(1, perSecond / 100);
        double rateEach = (double) perSecond / probes;
        {
            Measurement.Builder builder = Measurement.in(dir);
            for (int i = 0; i < probes; i++) {
                builder.probe(new HttpProbe(new ProbeSpec("p" + i, "bench", rateEach, TIMEOUT),
                        server.url("/" + i), null));
            }
            Measurement measurement = builder.start();
            measurement.awaitLive(Duration.ofSeconds(30));
            wait(Duration.ofSeconds(seconds));
            MeasurementResult result = measurement.stop();
            long samples = result.probes().stream().mapToLong(AvailabilityResult::samples).sum();
            long failures = result.probes().stream().mapToLong(AvailabilityResult::failures).sum();
            long late = result.probes().stream().mapToLong(AvailabilityResult::lateStarts).sum();
            double worstP99Lag = result.probes().stream().mapToDouble(p -> p.scheduleLagMs().p99()).max().orElse(0);
            double worstLatencyP99 = result.probes().stream().filter(p -> p.latency() != null)
                    .mapToDouble(p -> p.latency().p99()).max().orElse(0);
            long csvLines = 0;
            long lost = 0;
            long intervalNanos = Math.round(1e9 / rateEach);
            for (int i = 0; i < probes; i++) {
                // Every scheduled check is one CSV line, in schedule order: a gap in the scheduled times is a lost sample.
                List<String> lines = Files.readAllLines(dir.resolve("p" + i + ".csv"));
                csvLines += lines.size() - 1;
                Instant previous = null;
                for (String line : lines.subList(1, lines.size())) {
                    Instant scheduled = Instant.parse(line.substring(0, line.indexOf(',')));
                    if (previous != null) {
                        lost += Math.max(0, Math.round((double) Duration.between(previous, scheduled).toNanos()
                                / intervalNanos) - 1);
                    }
                    previous = scheduled;
                }
            }
            System.out.printf(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%.2f\t%d\t%d\t%.1f\t%s%n",
                    dir.getFileName().toString().startsWith("warmup") ? "WARMUP" : "RESULT", perSecond, samples,
                    csvLines, lost, worstP99Lag, late, failures, worstLatencyP99,
                    String.join(" | ", result.problems()));
        }
    }

    private static void memory(Path dir, int perSecond, String[] args) throws Exception {
        int probes = Math.max(1, perSecond / 10);
        try (BenchServer server = new BenchServer(2)) {
            Measurement.Builder builder = Measurement.in(dir);
            for (int i = 0; i < probes; i++) {
                builder.probe(new HttpProbe(new ProbeSpec("m" + i, "bench", (double) perSecond / probes, TIMEOUT),
                        server.url("/" + i), null));
            }
            Measurement measurement = builder.start();
            measurement.awaitLive(Duration.ofSeconds(30));
            long startNanos = System.nanoTime();
            for (int i = 2; i < args.length; i++) {
                long minute = Long.parseLong(args[i]);
                long dueNanos = startNanos + TimeUnit.MINUTES.toNanos(minute);
                wait(Duration.ofNanos(Math.max(0, dueNanos - System.nanoTime())));
                System.gc();
                MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
                // Committed heap and non-heap (metaspace, code cache) say where resident memory went: a JVM grows
                // its heap and JIT code for a while; the instrument's own state is the heap used after a full GC.
                System.out.printf(Locale.ROOT, "RESULT\t%d\t%d\t%d\t%d\t%d\t%d%n", perSecond, minute,
                        residentKb() / 1024, heap.getUsed() / MB, heap.getCommitted() / MB, nonHeap.getCommitted() / MB);
            }
            measurement.stop();
        }
    }

    private static HttpProbe probe(String name, BenchServer server, double rate) {
        return new HttpProbe(new ProbeSpec(name, "bench", rate, TIMEOUT), server.url("/"), null);
    }

    static long residentKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1L);
    }

    static void wait(Duration duration) throws InterruptedException {
        new CountDownLatch(1).await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
