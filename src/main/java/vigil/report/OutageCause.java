package vigil.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An outage's cause in words, read from its error kinds: the kind most of its samples failed with, named for an
 * operator ({@code connection refused}, {@code router: endpoint_failure (http_502)}, {@code timeout}, {@code TLS
 * handshake failed}, ...), then the other kinds seen, e.g. {@code connection refused; also timeout (3)}.
 */
public final class OutageCause {
    /** {@code http_502_endpoint_failure}: the status and gorouter's {@code X-Cf-Routererror}. */
    private static final Pattern ROUTER = Pattern.compile("http_(\\d{3})_([a-z0-9_]+)");
    private static final Pattern STATUS = Pattern.compile("http_(\\d{3})");

    private OutageCause() {
    }

    /** The cause of an outage with these kinds; {@code unknown} when there are none. */
    public static String of(Map<String, Long> kinds) {
        if (kinds == null || kinds.isEmpty()) {
            return "unknown";
        }
        List<Map.Entry<String, Long>> byCount = kinds.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        String main = describe(byCount.get(0).getKey());
        if (byCount.size() == 1) {
            return main;
        }
        StringBuilder also = new StringBuilder(main).append("; also ");
        for (int i = 1; i < byCount.size(); i++) {
            also.append(i > 1 ? ", " : "").append(byCount.get(i).getKey()).append(" (").append(byCount.get(i).getValue())
                    .append(')');
        }
        return also.toString();
    }

    /** One kind in words. */
    static String describe(String kind) {
        Matcher router = ROUTER.matcher(kind);
        if (router.matches()) {
            return "router: " + router.group(2) + " (http_" + router.group(1) + ")";
        }
        Matcher status = STATUS.matcher(kind);
        if (status.matches()) {
            int code = Integer.parseInt(status.group(1));
            return (code == 429 ? "rate limited" : code >= 500 ? "server error" : code >= 400 ? "client error"
                    : "unexpected answer") + " (" + kind + ")";
        }
        return switch (kind) {
            case "connection_refused" -> "connection refused";
            case "timeout" -> "timeout";
            case "connect_timeout" -> "timeout while connecting";
            case "tls_error" -> "TLS handshake failed";
            case "connection_reset", "connection_closed" -> "connection dropped (" + kind + ")";
            case "unknown_host", "no_route_to_host" -> "network (" + kind + ")";
            case "late", "in_flight_cap" -> "instrument (" + kind + ")";
            default -> kind;
        };
    }
}
