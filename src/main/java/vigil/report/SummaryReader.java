package vigil.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a {@code summary.json} written by {@link SummaryWriter}, e.g. for {@code vigil gate}.
 * Every problem is reported as a {@link SummaryReadException} naming the file and what is wrong.
 */
public final class SummaryReader {
    private static final Pattern MISSING_PROPERTY = Pattern.compile("^Missing required creator property '([^']+)'");

    public Summary read(Path file) throws SummaryReadException {
        JsonNode tree = parse(file);
        checkSchema(file, tree);
        try {
            return SummaryJson.MAPPER.treeToValue(tree, Summary.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SummaryReadException(file, describe(e), e);
        }
    }

    private static JsonNode parse(Path file) throws SummaryReadException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SummaryReadException(file, "no such file (was the run's --reports directory passed on?)", e);
        } catch (IOException e) {
            throw new SummaryReadException(file, "cannot be read: " + e, e);
        }
        JsonNode tree;
        try {
            tree = SummaryJson.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SummaryReadException(file, "is not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()), e);
        } catch (IOException e) {
            throw new SummaryReadException(file, "cannot be read: " + e, e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new SummaryReadException(file, "is empty", null);
        }
        return tree;
    }

    private static void checkSchema(Path file, JsonNode tree) throws SummaryReadException {
        if (!tree.isObject()) {
            throw new SummaryReadException(file, "is not a JSON object", null);
        }
        JsonNode schema = tree.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new SummaryReadException(file, "has no \"schema\" field; expected \"" + Summary.SCHEMA + "\"", null);
        }
        if (!Summary.SCHEMA.equals(schema.asText())) {
            throw new SummaryReadException(file,
                    "has schema \"" + schema.asText() + "\", this Vigil reads \"" + Summary.SCHEMA + "\"", null);
        }
    }

    private static String describe(Exception e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "has an invalid value: " + firstLine(e.getMessage());
        }
        String path = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        // Jackson says "missing" in two ways: a required creator property (named only in the message),
        // and a primitive without a value (a count must never silently read as 0).
        Matcher missing = MISSING_PROPERTY.matcher(mapping.getOriginalMessage());
        if (missing.find()) {
            String field = path.endsWith("." + missing.group(1)) ? path : path + "." + missing.group(1);
            return "lacks the required field \"" + field.substring(1) + "\"";
        }
        if (mapping.getOriginalMessage().startsWith("Cannot map `null` into type") && !path.isEmpty()) {
            return "lacks the required field \"" + path.substring(1) + "\"";
        }
        String where = path.isEmpty() ? "" : " at \"" + path.substring(path.startsWith(".") ? 1 : 0) + "\"";
        Throwable cause = mapping.getCause();
        String detail = cause != null && cause.getMessage() != null ? cause.getMessage() : mapping.getOriginalMessage();
        return "has an invalid value" + where + ": " + firstLine(detail);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
