package vigil.availability.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vigil.cli.VigilCommand;

/**
 * Issue 15's soak: {@code vigil watch --suites none --every 1m} probing URLs of a local server at PROBES_PER_S in
 * all (each URL at 10 Hz over a kept-alive and 10 Hz over fresh connections, plus the control probe), resident
 * memory and heap after a full GC printed at each given minute with the samples counted at {@code /metrics} by then.
 */
final class WatchSoak {
    private static final long MB = 1024 * 1024;
    private static final Pattern SAMPLES = Pattern.compile(
            "^vigil_probe_samples_total\\{probe=\"([^\"]+)\",source=\"watch\"} (\\d+)$", Pattern.MULTILINE);

    private WatchSoak() {
    }

    /**
     * From the windows kept ({@code --keep 3}), the median of the probes' latency p50 and p99 per connection kind,
     * the share of samples that were inconclusive and the control probe's p99:
     * {@code CONNECTIONS reused-p50 reused-p99 new-p50 new-p99 inconclusive-pct control-p99}.
     */
    private static void connections(Path watch) throws IOException {
        List<Double> reusedP50 = new ArrayList<>();
        List<Double> reusedP99 = new ArrayList<>();
        List<Double> newP50 = new ArrayList<>();
        List<Double> newP99 = new ArrayList<>();
        List<Double> controlP99 = new ArrayList<>();
        long samples = 0;
        long inconclusive = 0;
        ObjectMapper json = new ObjectMapper();
        List<Path> windows;
        try (Stream<Path> list = Files.list(watch)) {
            windows = list.map(d -> d.resolve("probes/summary.json")).filter(Files::isRegularFile).toList();
        }
        for (Path window : windows) {
            for (JsonNode probe : json.readTree(window.toFile()).path("availability")) {
                JsonNode latency = probe.path("latency_ms");
                if ("control".equals(probe.path("role").asText())) {
                    controlP99.add(latency.path("p99").asDouble());
                    continue;
                }
                boolean fresh = "new".equals(probe.path("connection").asText());
                (fresh ? newP50 : reusedP50).add(latency.path("p50").asDouble());
                (fresh ? newP99 : reusedP99).add(latency.path("p99").asDouble());
                samples += probe.path("samples").asLong();
                inconclusive += probe.path("inconclusive").asLong();
            }
        }
        System.out.printf(Locale.ROOT, "CONNECTIONS\t%.1f\t%.1f\t%.1f\t%.1f\t%.2f\t%.1f%n", median(reusedP50),
                median(reusedP99), median(newP50), median(newP99),
                samples + inconclusive == 0 ? 0 : inconclusive * 100.0 / (samples + inconclusive), median(controlP99));
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static void run(Path dir, int perSecond, String[] args) throws Exception {
        int urls = Math.max(1, perSecond / 20);
        List<Long> minutes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            minutes.add(Long.parseLong(args[i]));
        }
        long last = minutes.get(minutes.size() - 1);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (BenchServer server = new BenchServer(2)) {
            List<String> command = new ArrayList<>(List.of("watch", "--suites", "none", "--every", "1m", "--rate", "10",
                    "--metrics-port", Integer.toString(port), "--reports", dir.resolve("watch").toString(), "--keep", "3",
                    // ticks at minutes 0, 1, ..., last + 1: the watch ends a minute after the last figure
                    "--runs", Long.toString(last + 2)));
            for (int i = 0; i < urls; i++) {
                command.addAll(List.of("--probe", server.url("/" + i).toString()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> VigilCommand.execute(print, print,
                    Map.of(), command.toArray(String[]::new)));
            long startNanos = System.nanoTime();
            HttpClient client = HttpClient.newHttpClient();
            for (long minute : minutes) {
                long dueNanos = startNanos + TimeUnit.MINUTES.toNanos(minute) - TimeUnit.SECONDS.toNanos(5);
                AvailabilityBench.wait(Duration.ofNanos(Math.max(0, dueNanos - System.nanoTime())));
                String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                long samples = 0;
                Matcher m = SAMPLES.matcher(metrics);
                while (m.find()) {
                    if (!m.group(1).startsWith("vigil-control")) {
                        samples += Long.parseLong(m.group(2));
                    }
                }
                double elapsedS = (System.nanoTime() - startNanos) / 1e9;
                System.gc();
                MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
                System.out.printf(Locale.ROOT, "RESULT\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.0f%n", perSecond, minute,
                        AvailabilityBench.residentKb() / 1024, heap.getUsed() / MB, heap.getCommitted() / MB,
                        nonHeap.getCommitted() / MB, samples, samples / elapsedS);
            }
            int code = watch.get(3, TimeUnit.MINUTES);
            if (code != 0) {
                System.err.println(out.toString(StandardCharsets.UTF_8));
            }
            connections(dir.resolve("watch"));
        }
    }
}
