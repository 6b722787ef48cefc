package vigil.testapp.app;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The test app as a syslog drain (with {@code VIGIL_SYSLOG_LISTENER=true}): it takes TCP connections on
 * {@code PORT} and prints every message it receives to stdout, where the scenario reads it from the app's logs,
 * as CATS's syslog-drain-listener does. RFC 6587 octet-counted frames ({@code LENGTH SP MESSAGE}) print as
 * {@code vigil-syslog-received MESSAGE}; anything else as {@code vigil-syslog-unframed LINE}, so a drain that
 * frames wrongly is seen, not silently read. Newlines inside a message print as {@code \n}.
 */
final class SyslogListener {
    static final String SWITCH = "VIGIL_SYSLOG_LISTENER";
    static final String RECEIVED = "vigil-syslog-received ";
    static final String UNFRAMED = "vigil-syslog-unframed ";
    /** RFC 5425 asks receivers to take messages of at least 2048 octets; far more is not a syslog frame. */
    private static final int MAX_FRAME = 1 << 20;

    private SyslogListener() {
    }

    static void serve(int port, PrintStream out) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("0.0.0.0", port));
            out.println("vigil-syslog-listener listening on port " + server.getLocalPort());
            while (true) {
                Socket connection = server.accept();
                Thread reader = new Thread(() -> read(connection, out), "vigil-syslog-listener-connection");
                reader.setDaemon(true);
                reader.start();
            }
        }
    }

    private static void read(Socket connection, PrintStream out) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream())) {
            while (true) {
                in.mark(16);
                int first = in.read();
                if (first < 0) {
                    return;
                }
                in.reset();
                if (first >= '1' && first <= '9') {
                    if (!frame(in, out)) {
                        return;
                    }
                } else {
                    String line = line(in);
                    if (line == null) {
                        return;
                    }
                    out.println(UNFRAMED + escape(line));
                }
            }
        } catch (IOException e) {
            out.println("vigil-syslog-listener connection ended: " + e.getMessage());
        }
    }

    /** One {@code LENGTH SP MESSAGE} frame; a length that is no number prints the line as unframed. */
    private static boolean frame(InputStream in, PrintStream out) throws IOException {
        StringBuilder digits = new StringBuilder();
        int c = in.read();
        while (c >= '0' && c <= '9' && digits.length() < 8) {
            digits.append((char) c);
            c = in.read();
        }
        if (c != ' ') {
            String rest = line(in);
            out.println(UNFRAMED + escape(digits + (c < 0 ? "" : String.valueOf((char) c)) + (rest == null ? "" : rest)));
            return rest != null;
        }
        int length = Integer.parseInt(digits.toString());
        if (length > MAX_FRAME) {
            out.println(UNFRAMED + "a frame of " + length + " octets");
            return false;
        }
        byte[] message = in.readNBytes(length);
        String text = new String(message, StandardCharsets.UTF_8);
        out.println(RECEIVED + escape(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text));
        return message.length == length;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            line.write(c);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
