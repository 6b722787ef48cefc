package vigil.cf;

import java.util.Map;

/**
 * What to push: an app of the given bits into a space, reachable at {@code host.domain}.
 *
 * @param bits      the app's bits, a zip (a runnable JAR is one)
 * @param bitsKey   identifies the bits (e.g. their sha256), so identical bits are staged once per run
 * @param instances how many instances to run
 */
public record PushRequest(String name, String spaceGuid, byte[] bits, String bitsKey, int instances,
                          Map<String, String> environment, String host, String domain) {
    public PushRequest {
        environment = Map.copyOf(environment);
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1");
        }
    }
}
