package vigil.availability.bench;

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
        }
    }
}
