package vigil.sim.api;

import java.io.IOException;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import vigil.sim.http.LoopbackServer;
import vigil.sim.http.RouteTable;

/** The embedded Cloud Controller on its own loopback port. The route table below is its whole API. */
public final class CloudController implements AutoCloseable {

    private final LoopbackServer server;

    private CloudController(LoopbackServer server) {
        this.server = server;
    }

    /**
     * @param uaaUrl    where clients log in (linked from {@code /} and {@code /v2/info})
     * @param uaaIssuer the {@code iss} every accepted token must carry
     * @param uaaKey    the UAA's token verification key
     * @param clock     the time token expiry is judged at
     */
    public static CloudController start(int port, URI uaaUrl, String uaaIssuer, RSAPublicKey uaaKey, Clock clock)
            throws IOException {
        LoopbackServer server = LoopbackServer.bind(port, "api");
        ApiUrlBuilder urls = new ApiUrlBuilder(server.uri());
        RootEndpoint root = new RootEndpoint(urls, uaaUrl);
        InfoEndpoint info = new InfoEndpoint(urls, uaaUrl);
        OrganizationsEndpoint organizations = new OrganizationsEndpoint(urls);

        RouteTable<CcEndpoint> routes = new RouteTable<CcEndpoint>()
                .add("GET", "/", root::globalRoot)
                .add("GET", "/v2/info", info::v2Info)
                .add("GET", "/v3", root::v3Root)
                .add("GET", "/v3/info", info::v3Info)
                .add("GET", "/v3/organizations", organizations::list);

        server.serve(new CloudControllerHandler(routes, new AccessTokenVerifier(uaaKey, uaaIssuer, clock)));
        return new CloudController(server);
    }

    public URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
    }
}
