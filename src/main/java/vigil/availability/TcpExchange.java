package vigil.availability;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One exchange over a TCP route, with a plain socket: connect to the TCP router's address and the route's port,
 * send a line, read one line back. The test app in its TCP mode echoes lines (and answers {@code instance?}
 * with its instance id), so any line protocol client would see the same.
 */
public final class TcpExchange {

    private TcpExchange() {
    }

    /**
     * @return the first line answered
     * @throws IOException when the connection is refused, reset, closed without an answer, or nothing comes
     *                     back within {@code timeout} (each bound separately: connect, then the answer)
     */
    public static String roundTrip(String host, int port, String line, Duration timeout) throws IOException {
        return conversation(host, port, List.of(line), timeout).get(0);
    }

    /** Several lines over one connection, each sent once the one before was answered; the answers in order. */
    public static List<String> conversation(String host, int port, List<String> lines, Duration timeout)
            throws IOException {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> answers = new ArrayList<>();
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String answer = in.readLine();
                if (answer == null) {
                    throw new EOFException("connection to " + host + ":" + port + " closed after " + answers.size()
                            + " of " + lines.size() + " answers");
                }
                answers.add(answer);
            }
            return answers;
        }
    }

    /** What went wrong, in a word a timeline can group by: refused, reset, closed, timeout, or the exception. */
    public static String failureKind(IOException failure) {
        String text = String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (failure instanceof java.net.SocketTimeoutException) {
            return "tcp_timeout";
        }
        if (failure instanceof java.net.ConnectException || text.contains("refused")) {
            return "tcp_refused";
        }
        if (text.contains("reset")) {
            return "tcp_reset";
        }
        if (failure instanceof EOFException) {
            return "tcp_closed";
        }
        return "tcp_" + failure.getClass().getSimpleName();
    }
}
