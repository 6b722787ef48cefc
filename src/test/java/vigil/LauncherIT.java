package vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/vigil}, the launcher README and messages call {@code vigil}, as {@code make install} lays it out. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin", "vigil");

    @TempDir
    Path dir;

    @Test
    void makeInstallPutsTheLauncherAndTheJarUnderPrefixAndTheLauncherRunsIt() throws Exception {
        Path prefix = dir.resolve("prefix");

        // MVN=false: the jar is built already (package phase); a rebuild here would be a test of the wrong thing.
        Result install = run(List.of("make", "-s", "install", "PREFIX=" + prefix, "MVN=false"), Map.of());

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(prefix.resolve("lib/vigil/vigil.jar")).isRegularFile();
        Result version = run(List.of(prefix.resolve("bin/vigil").toString(), "--version"), Map.of());
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("vigil ");
        Result help = run(List.of(prefix.resolve("bin/vigil").toString(), "run", "--help"), Map.of());
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("--sim", "--config", "--reports");
    }

    @Test
    void theLauncherUsesJavaAndJavaOptsAndMakesFlagsAndIsFoundThroughASymlink() throws Exception {
        Path prefix = dir.resolve("prefix");
        Files.createDirectories(prefix.resolve("bin"));
        Files.createDirectories(prefix.resolve("lib/vigil"));
        Files.copy(LAUNCHER, prefix.resolve("bin/vigil"));
        Files.copy(VigilJar.JAR, prefix.resolve("lib/vigil/vigil.jar"));
        Path link = Files.createSymbolicLink(dir.resolve("vigil-on-path"), prefix.resolve("bin/vigil"));
        // A JVM that says how it was called, then runs the real one.
        Path args = dir.resolve("java-args");
        Path java = dir.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\" > " + args + "\nexec " + System.getProperty("java.home")
                + "/bin/java \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result version = run(List.of(link.toString(), "--version"),
                Map.of("JAVA", java.toString(), "JAVA_OPTS", "-Xmx256m -Dvigil.launcher.test=1"));

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(Files.readString(args).strip()).isEqualTo("-XX:TieredStopAtLevel=1 -Xmx256m"
                + " -Dvigil.launcher.test=1 -jar " + prefix.resolve("lib/vigil/vigil.jar") + " --version");
        Result sim = run(List.of(link.toString(), "sim", "--cells", "0"), Map.of("JAVA", java.toString()));
        assertThat(sim.exitCode()).as("a usage error: " + sim.output()).isEqualTo(2);
        assertThat(Files.readString(args)).as("the embedded CF serves for long: C2 pays back")
                .doesNotContain("TieredStopAtLevel");
    }

    private Result run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "launcher", ".out");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within 120 s: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private record Result(int exitCode, String output) {
    }
}
