package vigil.sim.cells;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OS process of an instance: its output read line by line on two threads of its own (so a full
 * pipe never blocks the app), its exit, and stopping it together with whatever it forked.
 */
final class InstanceProcess {

    /** Where each line the process writes goes. */
    @FunctionalInterface
    interface OutputSink {
        void line(boolean stderr, String text);
    }

    private static final Logger LOG = LoggerFactory.getLogger(InstanceProcess.class);

    private final Process process;
    private final CompletableFuture<Integer> exit;
    private final CompletableFuture<Void> stdoutEnded = new CompletableFuture<>();
    private final CompletableFuture<Void> stderrEnded = new CompletableFuture<>();

    private InstanceProcess(Process process) {
        this.process = process;
        this.exit = process.onExit().thenApply(Process::exitValue);
    }

    /** Starts the process and its output pumps; the pumps end by themselves when the process closes its output. */
    static InstanceProcess start(ProcessBuilder builder, String name, OutputSink sink) throws IOException {
        InstanceProcess started = new InstanceProcess(builder.start());
        started.pump(started.process.getInputStream(), false, name + " stdout", sink, started.stdoutEnded);
        started.pump(started.process.getErrorStream(), true, name + " stderr", sink, started.stderrEnded);
        return started;
    }

    private void pump(InputStream stream, boolean stderr, String threadName, OutputSink sink,
                      CompletableFuture<Void> ended) {
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.line(stderr, line);
                }
            } catch (IOException e) {
                // The stream closes under the reader when the process is killed: the output simply ends.
                LOG.debug("{} ended: {}", threadName, e.getMessage());
            } finally {
                ended.complete(null);
            }
        }, threadName);
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Completes once both output streams are closed and every line was handed to the sink; a child the
     * process forked may keep them open after the process itself is gone.
     */
    CompletableFuture<Void> outputEnded() {
        return CompletableFuture.allOf(stdoutEnded, stderrEnded);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit status once the process is gone. */
    CompletableFuture<Integer> exit() {
        return exit;
    }

    /** This process and everything it forked (a {@code sh -c} command may start children), children first. */
    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }

    /** Processes of this tree still alive; counted for {@code liveProcesses()}. */
    int liveCount() {
        return process.isAlive() ? (int) process.descendants().filter(ProcessHandle::isAlive).count() + 1 : 0;
    }

    /**
     * Asks the whole tree to stop (SIGTERM, as Diego gives an app a grace period) and kills what is
     * still alive after {@code grace}. Returns at once.
     */
    void stop(Duration grace, ScheduledExecutorService scheduler) {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        try {
            scheduler.schedule(() -> kill(tree), grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // The cells are closing; close() kills what outlives its own grace period.
            LOG.debug("no kill scheduled for pid {}: cells closing", pid());
        }
    }

    /** Kills the whole tree at once (SIGKILL). */
    void kill() {
        kill(tree());
    }

    private static void kill(List<ProcessHandle> tree) {
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Resident memory from /proc (Linux), 0 where there is none. */
    long memoryBytes() {
        Path status = Path.of("/proc", Long.toString(pid()), "status");
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .filter(kb -> !kb.isEmpty())
                    .mapToLong(kb -> Long.parseLong(kb) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** CPU used since the process started, as a fraction of one core over that time (OS time, not the sim's clock). */
    double cpuFraction() {
        ProcessHandle.Info info = process.info();
        if (info.totalCpuDuration().isEmpty() || info.startInstant().isEmpty()) {
            return 0;
        }
        long wallMillis = Duration.between(info.startInstant().get(), Instant.now()).toMillis();
        return wallMillis <= 0 ? 0 : (double) info.totalCpuDuration().get().toMillis() / wallMillis;
    }
}
