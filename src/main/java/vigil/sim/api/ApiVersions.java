package vigil.sim.api;

/**
 * The API versions the sim reports (root links and {@code /v2/info}). Clients gate features on
 * them, so they name a Cloud Controller release whose documented API the sim follows.
 */
final class ApiVersions {

    static final String V3 = "3.228.0";
    static final String V2 = "2.293.0";
    /** The Open Service Broker API version CC reports. */
    static final String OSBAPI = "2.15";

    private ApiVersions() {
    }
}
