package vigil.sim.api;

/** Where a broker listens and how to authenticate to it (HTTP basic). */
record BrokerEndpoint(String url, String username, String password) {

    @Override
    public String toString() {
        return "BrokerEndpoint[" + url + "]";
    }
}
