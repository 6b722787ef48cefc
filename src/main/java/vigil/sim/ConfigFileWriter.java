package vigil.sim;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the harness config for a running sim (CATS key names, so {@code vigil run --config}
 * reads it as is). The file holds the admin password, so it is created owner-only from the start
 * (never world-readable, not even briefly) and moved into place whole, so no reader sees half a file.
 */
final class ConfigFileWriter {

    static final String HEADER =
            "# Written by `vigil sim`. It holds the sim's admin password: keep it private.\n";

    private ConfigFileWriter() {
    }

    static void write(Path file, Map<String, Object> values) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temp = createOwnerOnly(directory);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(HEADER.getBytes(StandardCharsets.UTF_8));
                yaml().writeValue(out, new LinkedHashMap<>(values));
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path createOwnerOnly(Path directory) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && Files.getFileStore(directory).supportsFileAttributeView("posix")) {
            return Files.createTempFile(directory, ".vigil-sim-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(directory, ".vigil-sim-", ".tmp");
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static YAMLMapper yaml() {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .build();
        return new YAMLMapper(factory);
    }
}
