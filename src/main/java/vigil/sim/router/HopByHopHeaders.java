package vigil.sim.router;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Headers that describe one connection, not the message (RFC 9110 section 7.6.1), which a proxy must
 * not pass on in either direction: the fixed list Go's reverse proxy (and so gorouter) drops, plus
 * whatever the {@code Connection} header names.
 */
final class HopByHopHeaders {

    private static final Set<String> ALWAYS = caseInsensitive(List.of(
            "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
            "Te", "Trailer", "Transfer-Encoding", "Upgrade"));

    private HopByHopHeaders() {
    }

    /** A case-insensitive copy of the headers without the hop-by-hop ones. */
    static Map<String, List<String>> removedFrom(Map<String, List<String>> headers) {
        Set<String> dropped = caseInsensitive(ALWAYS);
        headers.forEach((name, values) -> {
            if ("Connection".equalsIgnoreCase(name)) {
                for (String value : values) {
                    for (String token : value.split(",")) {
                        dropped.add(token.trim());
                    }
                }
            }
        });
        Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && !dropped.contains(name)) {
                kept.put(name, List.copyOf(values));
            }
        });
        return kept;
    }

    private static Set<String> caseInsensitive(Iterable<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.forEach(set::add);
        return set;
    }
}
