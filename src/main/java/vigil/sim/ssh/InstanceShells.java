package vigil.sim.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import vigil.sim.cells.InstanceAccess;

/**
 * Runs what an SSH session asks for inside its instance's container, as Diego's in-container SSH daemon does: a
 * command ({@code exec}) through the shell's {@code -c}, or the shell itself ({@code shell}), in the instance's
 * working directory with the environment its app process got. The shell is {@code /bin/bash}, else {@code /bin/sh}.
 * Keeps every process it started, so that closing the proxy leaves none behind.
 */
final class InstanceShells implements AutoCloseable {

    private static final String BASH = "/bin/bash";
    private static final String SH = "/bin/sh";

    private final BiFunction<String, Integer, Optional<InstanceAccess>> instances;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps;
    private final String shell;
    /** Test-only fault: shells get no instance environment, only a {@code PATH}. */
    private volatile boolean environmentLeftOut;

    InstanceShells(BiFunction<String, Integer, Optional<InstanceAccess>> instances) {
        this.instances = instances;
        this.shell = Files.isExecutable(Path.of(BASH)) ? BASH : SH;
        AtomicInteger threads = new AtomicInteger();
        this.pumps = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "vigil-sim-ssh-io-" + threads.incrementAndGet());
            // Daemon: a session's stream copy must not keep the JVM alive after close.
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code ssh ... COMMAND}: the shell runs the command line as given. */
    Command command(ChannelSession channel, String commandLine) {
        return new InstanceCommand(this, List.of(shell, "-c", commandLine));
    }

    /** {@code ssh ...} without a command: the shell reads commands from the session. */
    Command shell(ChannelSession channel) {
        return new InstanceCommand(this, List.of(shell));
    }

    /** The instance a session is logged in to, as it is now (a restarted instance has a new directory). */
    InstanceAccess instanceOf(CfPasswordAuthenticator.Target target) throws IOException {
        if (target == null) {
            throw new IOException("the session is not logged in to an instance");
        }
        return instances.apply(target.processGuid(), target.index()).orElseThrow(() -> new IOException(
                "instance " + target.index() + " of app " + target.appGuid() + " is not running"));
    }

    /** The environment a shell gets: the instance's, then what the client sent that the instance does not set. */
    Map<String, String> environment(InstanceAccess instance, Map<String, String> fromClient) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (environmentLeftOut) {
            environment.put("PATH", instance.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        } else {
            environment.putAll(instance.environment());
        }
        fromClient.forEach(environment::putIfAbsent);
        return environment;
    }

    Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        live.add(process);
        process.onExit().thenRun(() -> live.remove(process));
        return process;
    }

    void pump(Runnable copy) {
        pumps.execute(copy);
    }

    /** <b>Test-only fault</b>: shells run without the instance's environment (only {@code PATH}). */
    void environmentLeftOut(boolean on) {
        environmentLeftOut = on;
    }

    /** Kills what sessions still run, with whatever they forked. */
    static void kill(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        live.forEach(InstanceShells::kill);
        live.clear();
        pumps.shutdownNow();
    }
}
