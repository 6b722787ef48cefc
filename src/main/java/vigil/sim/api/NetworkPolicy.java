package vigil.sim.api;

/** One container-to-container policy: {@code source} app may open connections to {@code destination} on these ports. */
record NetworkPolicy(String source, String destination, String protocol, int startPort, int endPort) {

    boolean allows(String from, String to, String overProtocol, int port) {
        return source.equals(from) && destination.equals(to) && protocol.equals(overProtocol)
                && port >= startPort && port <= endPort;
    }

    boolean involves(String appGuid) {
        return source.equals(appGuid) || destination.equals(appGuid);
    }
}
