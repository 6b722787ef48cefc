package vigil.sim.router;

import java.util.Locale;
import java.util.Optional;

/** The route host of a request: its {@code Host} header without the port, lower-cased. */
final class RequestHost {

    private RequestHost() {
    }

    /**
     * Empty when there is no usable Host: none at all, or one that is just the client's own address,
     * which gorouter refuses as {@code empty_host} since routes are never IP addresses.
     */
    static Optional<String> of(String hostHeader, String clientAddress) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return Optional.empty();
        }
        String host = withoutPort(hostHeader.trim()).toLowerCase(Locale.ROOT);
        if (host.isEmpty() || host.equals(withoutPort(clientAddress))) {
            return Optional.empty();
        }
        return Optional.of(host);
    }

    private static String withoutPort(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            // An IPv6 literal keeps its colons; the port follows the closing bracket.
            int end = hostAndPort.indexOf(']');
            return end < 0 ? hostAndPort : hostAndPort.substring(0, end + 1);
        }
        int colon = hostAndPort.indexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }
}
