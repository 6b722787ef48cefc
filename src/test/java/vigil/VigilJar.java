package vigil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged {@code vigil.jar}, as the integration tests start it: this JVM's java, {@code -jar}. */
final class VigilJar {
    static final Path JAR = Path.of(System.getProperty("vigil.jar", "target/vigil.jar"));

    private VigilJar() {
    }

    /** The command line of {@code vigil ARGS...}. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
