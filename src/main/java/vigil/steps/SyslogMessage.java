package vigil.steps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One RFC 5424 message as a drain receives it:
 * {@code <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]}. Parsed field by field (not by a
 * regular expression) because structured data may hold escaped {@code ]} and spaces.
 *
 * @param structuredData SD-ID to its parameters, e.g. {@code tags@47450 -> {app_name -> my-app, ...}}
 */
record SyslogMessage(int priority, int version, String timestamp, String hostname, String appName, String procId,
                     String msgId, Map<String, Map<String, String>> structuredData, String msg) {

    /** @throws IllegalArgumentException saying which part of the message is not RFC 5424 */
    static SyslogMessage parse(String text) {
        Cursor cursor = new Cursor(text);
        if (!cursor.take('<')) {
            throw new IllegalArgumentException("no <PRI> at the start");
        }
        String pri = cursor.until('>');
        if (!pri.matches("\\d{1,3}") || !cursor.take('>')) {
            throw new IllegalArgumentException("PRI is not <0..191>: " + pri);
        }
        String version = cursor.token("VERSION");
        if (!version.matches("[1-9]\\d{0,2}")) {
            throw new IllegalArgumentException("VERSION is not a number: " + version);
        }
        String timestamp = cursor.token("TIMESTAMP");
        String hostname = cursor.token("HOSTNAME");
        String appName = cursor.token("APP-NAME");
        String procId = cursor.token("PROCID");
        String msgId = cursor.token("MSGID");
        Map<String, Map<String, String>> data = cursor.structuredData();
        String msg = cursor.rest();
        return new SyslogMessage(Integer.parseInt(pri), Integer.parseInt(version), timestamp, hostname, appName, procId,
                msgId, data, msg);
    }

    /** CF's syslog agent's HOSTNAME: {@code org.space.app}, spaces made dashes, other than {@code [-a-zA-Z0-9]} dropped. */
    static String cfHostname(String organization, String space, String app) {
        return sanitize(organization) + "." + sanitize(space) + "." + sanitize(app);
    }

    private static String sanitize(String name) {
        String cleaned = name.replaceAll("\\s+", "-").replaceAll("[^-a-zA-Z0-9]+", "").replaceAll("-+$", "");
        return cleaned.length() > 63 ? cleaned.substring(0, 63) : cleaned;
    }

    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        boolean take(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        String until(char c) {
            int end = text.indexOf(c, at);
            String part = text.substring(at, end < 0 ? text.length() : end);
            at = end < 0 ? text.length() : end;
            return part;
        }

        /** A header field: the characters up to the next space, which is consumed. */
        String token(String name) {
            String token = until(' ');
            if (token.isEmpty() || !take(' ')) {
                throw new IllegalArgumentException("no " + name + " field followed by a space at position " + at);
            }
            return token;
        }

        Map<String, Map<String, String>> structuredData() {
            Map<String, Map<String, String>> data = new LinkedHashMap<>();
            if (take('-')) {
                return data;
            }
            while (take('[')) {
                String id = sdId();
                Map<String, String> params = new LinkedHashMap<>();
                while (take(' ')) {
                    String name = until('=');
                    if (!take('=') || !take('"')) {
                        throw new IllegalArgumentException("SD-PARAM " + name + " of " + id + " has no =\"value\"");
                    }
                    StringBuilder value = new StringBuilder();
                    while (at < text.length() && text.charAt(at) != '"') {
                        if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                            at++;
                        }
                        value.append(text.charAt(at++));
                    }
                    if (!take('"')) {
                        throw new IllegalArgumentException("SD-PARAM " + name + " of " + id + " is not closed by \"");
                    }
                    params.put(name, value.toString());
                }
                if (!take(']')) {
                    throw new IllegalArgumentException("SD-ELEMENT " + id + " is not closed by ]");
                }
                data.put(id, params);
            }
            if (data.isEmpty()) {
                throw new IllegalArgumentException("STRUCTURED-DATA is neither - nor [...] at position " + at);
            }
            return data;
        }

        /** An SD-ID: up to the first space or {@code ]}. */
        String sdId() {
            int end = at;
            while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != ']') {
                end++;
            }
            String id = text.substring(at, end);
            at = end;
            return id;
        }

        /** The MSG after one space, or "" when there is none. */
        String rest() {
            return take(' ') ? text.substring(at) : "";
        }
    }
}
