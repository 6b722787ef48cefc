package vigil.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a config file into a Jackson tree: JSON for {@code .json} files, YAML for {@code .yml}/{@code .yaml},
 * and for any other name JSON if the content starts with '{', else YAML. A syntax error becomes one
 * problem naming the file, line and column, never a stack trace.
 */
final class ConfigFileReader {
    // A key given twice is almost always a merge mistake; Jackson would silently keep the last one.
    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper YAML =
            YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * A quoted token in a parser message ("Unrecognized token 'hunter2'"): text from the file, which may
     * be a password. Single characters and escapes ("found character '@'") stay; they help and reveal nothing.
     */
    private static final Pattern QUOTED = Pattern.compile("'([^'\\s]{3,})'");
    /** Quoted words parser messages use that cannot come from a secret. */
    private static final Set<String> SAFE_QUOTED_WORDS = Set.of("null", "true", "false", "\\t(TAB)");

    ObjectNode read(Path file) throws ConfigException {
        byte[] content = readBytes(file);
        boolean json = isJson(file, content);
        JsonNode tree;
        try {
            tree = (json ? JSON : YAML).readTree(content);
        } catch (JsonProcessingException e) {
            throw problem(file, describe(e));
        } catch (IOException e) {
            throw ConfigException.unreadable(file, String.valueOf(e.getMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw problem(file, "the file is empty; expected keys such as api, apps_domain and admin_user");
        }
        if (!tree.isObject()) {
            throw problem(file, "expected keys and values (like \"api: api.example.com\"), got "
                    + SettingConverter.describeType(tree));
        }
        return (ObjectNode) tree;
    }

    private static byte[] readBytes(Path file) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw ConfigException.unreadable(file, "it is a directory, expected a YAML or JSON file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ConfigException.unreadable(file, "no such file");
        } catch (AccessDeniedException e) {
            throw ConfigException.unreadable(file, "permission denied");
        } catch (IOException e) {
            throw ConfigException.unreadable(file, String.valueOf(e.getMessage()));
        }
    }

    private static boolean isJson(Path file, byte[] content) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return false;
        }
        for (byte b : content) {
            if (!Character.isWhitespace(b) && (b & 0xff) != 0xef && (b & 0xff) != 0xbb && (b & 0xff) != 0xbf) {
                return b == '{';   // the bytes skipped above are whitespace and a UTF-8 byte order mark
            }
        }
        return false;
    }

    private static ConfigException problem(Path file, String what) {
        return ConfigException.invalid(List.of("config file " + file + ": " + what), List.of());
    }

    /** "line 3, column 5: what is wrong", without echoing what the file holds at that place. */
    private static String describe(JsonProcessingException e) {
        // SnakeYAML's full message quotes the offending line, which may hold a password: keep only
        // its problem sentence and position.
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return at(mark.getLine() + 1, mark.getColumn() + 1, marked.getProblem());
        }
        JsonLocation location = e.getLocation();
        String what = withoutSourceReference(e.getOriginalMessage());
        if (location == null || location.getLineNr() < 1) {
            return mask(what);
        }
        return at(location.getLineNr(), location.getColumnNr(), what);
    }

    private static String at(int line, int column, String what) {
        return "line " + line + ", column " + column + ": " + mask(what);
    }

    /** Jackson appends "(... at [Source: ...; line: 1, column: 1])" to some messages; we give the position. */
    private static String withoutSourceReference(String message) {
        int source = message.indexOf(" at [Source:");
        int open = source < 0 ? -1 : message.lastIndexOf('(', source);
        String shortened = open < 0 ? message : message.substring(0, open).trim();
        int newline = shortened.indexOf('\n');
        return newline < 0 ? shortened : shortened.substring(0, newline).trim();
    }

    /** Replaces quoted tokens from the file by '...', keeping key names and parser words that help. */
    private static String mask(String what) {
        Matcher matcher = QUOTED.matcher(String.valueOf(what));
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            String token = matcher.group(1);
            boolean safe = SAFE_QUOTED_WORDS.contains(token) || ConfigKeys.isVigilKey(token)
                    || ConfigKeys.isCatsOnly(token);
            matcher.appendReplacement(masked, Matcher.quoteReplacement(safe ? matcher.group() : "'...'"));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
