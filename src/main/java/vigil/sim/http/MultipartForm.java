package vigil.sim.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) split into its named parts. The JDK has no parser and
 * the sim takes no server framework, so this small one reads what CF clients send for package uploads:
 * CRLF-delimited parts, each with a {@code Content-Disposition: form-data; name=...} header. A repeated
 * name keeps its last part, as Rack does.
 */
public final class MultipartForm {

    /** One part: its field name, the file name if it is a file, its content type if given, and its bytes. */
    public record Part(String name, String filename, String contentType, byte[] content) {
        public Part {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** The body is not multipart/form-data, or is cut short; the message says what is wrong. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)(?:^|;)\\s*filename=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private final Map<String, Part> parts;

    private MultipartForm(Map<String, Part> parts) {
        this.parts = parts;
    }

    /**
     * @param contentType the request's Content-Type header, which carries the boundary
     */
    public static MultipartForm parse(String contentType, byte[] body) throws MalformedException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new MalformedException("expected Content-Type multipart/form-data, got " + contentType);
        }
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            throw new MalformedException("multipart/form-data without a boundary");
        }
        String boundary = boundaryMatch.group(1) != null ? boundaryMatch.group(1) : boundaryMatch.group(2);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // Every delimiter after the first is preceded by CRLF, which belongs to the delimiter, not to the part.
        byte[] innerDelimiter = concat(CRLF, delimiter);

        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new MalformedException("no part starts with the boundary");
        }
        position += delimiter.length;
        Map<String, Part> parts = new LinkedHashMap<>();
        while (true) {
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return new MultipartForm(parts);
            }
            if (!startsWith(body, position, CRLF)) {
                throw new MalformedException("boundary not followed by CRLF");
            }
            position += CRLF.length;
            int headersEnd = indexOf(body, HEADER_END, position);
            if (headersEnd < 0) {
                throw new MalformedException("part headers not terminated");
            }
            Map<String, String> headers = headers(new String(body, position, headersEnd - position, StandardCharsets.UTF_8));
            int contentStart = headersEnd + HEADER_END.length;
            int contentEnd = indexOf(body, innerDelimiter, contentStart);
            if (contentEnd < 0) {
                throw new MalformedException("body ends inside a part (no closing boundary)");
            }
            Part part = part(headers, Arrays.copyOfRange(body, contentStart, contentEnd));
            parts.put(part.name(), part);
            position = contentEnd + innerDelimiter.length;
        }
    }

    public Optional<Part> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    public Map<String, Part> parts() {
        return Map.copyOf(parts);
    }

    private static Part part(Map<String, String> headers, byte[] content) throws MalformedException {
        String disposition = headers.get("content-disposition");
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw new MalformedException("part without Content-Disposition: form-data");
        }
        Matcher name = NAME.matcher(disposition);
        if (!name.find()) {
            throw new MalformedException("part without a name");
        }
        Matcher filename = FILENAME.matcher(disposition);
        return new Part(unquote(name.group(1)), filename.find() ? unquote(filename.group(1)) : null,
                headers.get("content-type"), content);
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String unquote(String quoted) {
        return quoted.replaceAll("\\\\(.)", "$1");
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (offset + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = from; i <= data.length - pattern.length; i++) {
            if (startsWith(data, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
