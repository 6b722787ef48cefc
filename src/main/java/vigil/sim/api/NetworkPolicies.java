package vigil.sim.api;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** The policies in force; read on every connection the overlay accepts, so a change counts at once. */
final class NetworkPolicies {

    private final Set<NetworkPolicy> policies = new CopyOnWriteArraySet<>();

    List<NetworkPolicy> all() {
        return List.copyOf(policies);
    }

    void addAll(List<NetworkPolicy> added) {
        policies.addAll(added);
    }

    void removeAll(List<NetworkPolicy> removed) {
        policies.removeAll(removed);
    }

    void deleteFor(String appGuid) {
        policies.removeIf(policy -> policy.involves(appGuid));
    }

    boolean allows(String source, String destination, String protocol, int port) {
        return policies.stream().anyMatch(policy -> policy.allows(source, destination, protocol, port));
    }
}
