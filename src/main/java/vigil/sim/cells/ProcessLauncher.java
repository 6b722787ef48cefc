package vigil.sim.cells;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a desired process into the OS command of one instance: {@code java -jar droplet} with flags
 * for a fast start and a small footprint, or the process's own command through {@code sh -c}, in the
 * instance's directory with exactly the environment it is given.
 */
final class ProcessLauncher {

    /**
     * Measured launch-to-healthy for a small HTTP app on 2 cores: about 0.15-0.2 s with or without these;
     * they cut its resident memory from about 40 to 35 MB and should help bigger apps start (C1 only, one
     * compiler thread, serial GC: fewer threads competing for 2 cores). No perf data keeps instances
     * from writing to the shared /tmp/hsperfdata_*.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
            "-XX:+UseSerialGC", "-Xss512k", "-Xshare:auto", "-XX:-UsePerfData");

    private final Path java;

    ProcessLauncher(Path java) {
        this.java = java;
    }

    /** The JVM the sim itself runs on, so instances need no other Java installed. */
    static ProcessLauncher usingCurrentJava() {
        return new ProcessLauncher(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    List<String> command(DesiredProcess process) {
        if (process.command() != null && !process.command().isBlank()) {
            return List.of("sh", "-c", process.command());
        }
        if (process.droplet() == null) {
            throw new IllegalArgumentException("process " + process.processGuid() + " has neither a droplet nor a command");
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_FLAGS);
        command.add("-XX:MaxRAM=" + InstanceEnvironment.memoryMb(process) + "m");
        command.add("-jar");
        command.add(process.droplet().toAbsolutePath().toString());
        return command;
    }

    InstanceProcess launch(DesiredProcess process, Path directory, Map<String, String> environment, String name,
                           InstanceProcess.OutputSink sink) throws IOException {
        if (process.droplet() != null && (!command(process).get(0).equals(java.toString())
                || !process.sidecars().isEmpty())) {
            // A command (a Procfile's, the user's, a sidecar's) expects the app where the buildpack left it.
            DropletLayout.unpack(process.droplet(), directory, java);
        }
        ProcessBuilder builder = new ProcessBuilder(command(process)).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return InstanceProcess.start(builder, name, sink);
    }

    /** A sidecar: {@code sh -c command} in the instance's directory with the instance's environment. */
    InstanceProcess launchSidecar(SidecarProcess sidecar, DesiredProcess process, Path directory,
                                  Map<String, String> environment, String name, InstanceProcess.OutputSink sink)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", sidecar.command()).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return InstanceProcess.start(builder, name, sink);
    }
}
