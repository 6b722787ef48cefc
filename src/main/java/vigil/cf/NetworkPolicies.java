package vigil.cf;

import java.util.List;
import java.util.Map;

/**
 * Container-to-container network policies, through the policy server's external API
 * ({@code /networking/v1/external/policies} on the API's host, as {@code cf add-network-policy} calls it).
 */
public final class NetworkPolicies {
    static final String PATH = "/networking/v1/external/policies";

    private final CfClient cf;

    NetworkPolicies(CfClient cf) {
        this.cf = cf;
    }

    /** Lets {@code sourceApp} open TCP connections to {@code destinationApp} on {@code port}. */
    public void allow(String sourceApp, String destinationApp, int port) {
        cf.send("POST", PATH, body(sourceApp, destinationApp, port));
    }

    /** Removes that policy (the API's delete is a POST of the same document). */
    public void remove(String sourceApp, String destinationApp, int port) {
        cf.send("POST", PATH + "/delete", body(sourceApp, destinationApp, port));
    }

    private static Map<String, Object> body(String sourceApp, String destinationApp, int port) {
        return Map.of("policies", List.of(Map.of(
                "source", Map.of("id", sourceApp),
                "destination", Map.of("id", destinationApp, "protocol", "tcp",
                        "ports", Map.of("start", port, "end", port)))));
    }
}
