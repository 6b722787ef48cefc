package vigil.sim.router;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Whether a backend host is on this machine's loopback interface. The sim must never reach out, so
 * the router connects to nothing else, and decides without a DNS lookup: only IP literals and
 * {@code localhost} are considered at all.
 */
final class LoopbackHost {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private LoopbackHost() {
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(literal).matches() && literal.indexOf(':') < 0) {
            return false;
        }
        try {
            // A literal is parsed, never looked up.
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException malformed) {
            return false;
        }
    }
}
