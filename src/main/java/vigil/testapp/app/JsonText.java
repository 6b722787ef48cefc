package vigil.testapp.app;

import java.util.Map;

/**
 * The little JSON the test app needs, by hand because the app may use the JDK only: writing a string
 * literal and an object of strings, and reading one string member out of a flat JSON object
 * (enough for {@code VCAP_APPLICATION}'s {@code application_name}).
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** {@code value} as a JSON string literal, quotes included (RFC 8259 section 7). */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        appendQuoted(out, value);
        return out.toString();
    }

    /** The entries as one JSON object, in the map's iteration order. */
    static String object(Map<String, String> entries) {
        StringBuilder out = new StringBuilder(entries.size() * 32 + 2).append('{');
        String separator = "";
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            out.append(separator);
            appendQuoted(out, entry.getKey());
            out.append(':');
            appendQuoted(out, entry.getValue());
            separator = ",";
        }
        return out.append('}').toString();
    }

    static void appendQuoted(StringBuilder out, String value) {
        out.append('"');
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        appendUnicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // A lone surrogate cannot be encoded as UTF-8; the escape keeps it intact.
                        appendUnicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The string value of the top-level member {@code name} of a JSON object, or null when the text
     * has no such member with a string value. Nested objects and arrays are skipped, not searched.
     */
    static String stringMember(String json, String name) {
        if (json == null) {
            return null;
        }
        Reader reader = new Reader(json);
        try {
            reader.skipWhitespace();
            reader.expect('{');
            reader.skipWhitespace();
            if (reader.peek() == '}') {
                return null;
            }
            while (true) {
                reader.skipWhitespace();
                String key = reader.readString();
                reader.skipWhitespace();
                reader.expect(':');
                reader.skipWhitespace();
                if (key.equals(name) && reader.peek() == '"') {
                    return reader.readString();
                }
                reader.skipValue();
                reader.skipWhitespace();
                if (reader.peek() == '}') {
                    return null;
                }
                reader.expect(',');
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            return null;
        }
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }

    /** A cursor over JSON text; throws IllegalArgumentException (or runs off the end) on malformed input. */
    private static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        char peek() {
            return text.charAt(position);
        }

        void expect(char c) {
            if (text.charAt(position) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + position);
            }
            position++;
        }

        void skipWhitespace() {
            while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
        }

        String readString() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(position++);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> out.append(readHexChar());
                    default -> throw new IllegalArgumentException("bad escape at " + position);
                }
            }
        }

        private char readHexChar() {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(text.charAt(position++), 16);
                if (digit < 0) {
                    throw new IllegalArgumentException("bad unicode escape at " + position);
                }
                value = value * 16 + digit;
            }
            return (char) value;
        }

        /** Skips one value of any kind: a string, an object or array (with what they contain), or a literal. */
        void skipValue() {
            char c = peek();
            if (c == '"') {
                readString();
            } else if (c == '{' || c == '[') {
                int depth = 0;
                do {
                    char current = peek();
                    if (current == '"') {
                        readString();
                        continue;
                    }
                    if (current == '{' || current == '[') {
                        depth++;
                    } else if (current == '}' || current == ']') {
                        depth--;
                    }
                    position++;
                } while (depth > 0);
            } else {
                while (position < text.length() && ",}] \t\r\n".indexOf(text.charAt(position)) < 0) {
                    position++;
                }
            }
        }
    }
}
