package vigil.sim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A {@code Procfile} at the root of an app's bits, as the buildpack lifecycle reads it: a YAML map of process
 * type to command (e.g. {@code worker: ./run-worker}). Its types become the droplet's {@code process_types},
 * next to the buildpack's {@code web}, which a Procfile's {@code web} replaces.
 */
final class Procfile {

    static final String NAME = "Procfile";
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final YAMLMapper YAML = new YAMLMapper();

    private Procfile() {
    }

    /**
     * The process types of the bits' Procfile, in its order; empty when the bits have none.
     *
     * @throws IllegalArgumentException when the Procfile is not a map of type names to commands
     */
    static Map<String, String> read(Path bits) {
        if (bits == null) {
            return Map.of();
        }
        String text;
        try (ZipFile zip = new ZipFile(bits.toFile())) {
            ZipEntry entry = zip.getEntry(NAME);
            if (entry == null || entry.isDirectory()) {
                return Map.of();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException notAZip) {
            return Map.of();
        }
        return parse(text);
    }

    static Map<String, String> parse(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("must map process types to commands, e.g. 'worker: ./run'");
        }
        Map<String, String> types = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> {
            if (!TYPE.matcher(field.getKey()).matches()) {
                throw new IllegalArgumentException("process type '" + field.getKey()
                        + "' may hold only letters, digits, '-' and '_'");
            }
            if (!field.getValue().isValueNode() || field.getValue().isNull() || field.getValue().asText().isBlank()) {
                throw new IllegalArgumentException("process type '" + field.getKey() + "' needs a command");
            }
            types.put(field.getKey(), field.getValue().asText());
        });
        return types;
    }
}
