package vigil.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a config file that {@code vigil sim --write-config} wrote (its first line says so) from any other, so that
 * a run against a sim that has stopped since can say that, instead of only "connection refused".
 */
public final class SimConfigFile {
    private SimConfigFile() {
    }

    /** Whether {@code file} was written by {@code vigil sim}; false when it cannot be read. */
    public static boolean isWrittenBySim(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first != null && first.equals(ConfigFileWriter.HEADER.strip());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
