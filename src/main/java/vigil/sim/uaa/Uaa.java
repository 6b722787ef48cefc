package vigil.sim.uaa;

import java.io.IOException;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import vigil.sim.http.LoopbackServer;
import vigil.sim.http.Transport;

/** The embedded UAA on its own loopback port. Start it before the Cloud Controller, which needs its key. */
public final class Uaa implements AutoCloseable {

    private final LoopbackServer server;
    private final SigningKey key;
    private final String issuer;
    private final IssuedTokens issued;
    private final AuthorizationCodes codes;
    private final ClientCredentials sshProxy;

    /** A client's id and secret, for a component of the same CF that authenticates as that client. */
    public record ClientCredentials(String id, String secret) {
        /** Never print the secret. */
        @Override
        public String toString() {
            return "ClientCredentials[" + id + "]";
        }
    }

    private Uaa(LoopbackServer server, SigningKey key, String issuer, IssuedTokens issued, AuthorizationCodes codes,
                ClientCredentials sshProxy) {
        this.server = server;
        this.key = key;
        this.issuer = issuer;
        this.issued = issued;
        this.codes = codes;
        this.sshProxy = sshProxy;
    }

    /**
     * @param adminPassword the admin user's password, also the admin client's secret
     * @param tokenLifetime access token validity
     * @param clock         the time tokens are issued and checked at
     */
    public static Uaa start(int port, String adminPassword, Duration tokenLifetime, Clock clock) throws IOException {
        return start(port, adminPassword, tokenLifetime, clock, Transport.PLAIN);
    }

    /** As above, serving HTTPS when the transport says so (the issuer URL then starts with https). */
    public static Uaa start(int port, String adminPassword, Duration tokenLifetime, Clock clock, Transport transport)
            throws IOException {
        LoopbackServer server = LoopbackServer.bind(port, "uaa", transport);
        URI url = server.uri();
        String issuer = url + "/oauth/token";
        SigningKey key = SigningKey.generate(URI.create(url + "/token_keys"));
        IssuedTokens issued = new IssuedTokens();
        TokenFactory tokens = new TokenFactory(key, issuer, tokenLifetime, clock, issued);
        // As cf-deployment generates it: random, known to UAA and the SSH proxy only.
        ClientCredentials sshProxy = new ClientCredentials(IdentityZone.SSH_PROXY_CLIENT,
                UUID.randomUUID().toString().replace("-", ""));
        IdentityZone zone = IdentityZone.withAdmin(adminPassword, sshProxy.secret());
        AuthorizationCodes codes = new AuthorizationCodes(clock);
        BearerTokenReader bearerTokens = new BearerTokenReader(key, issuer, clock);
        TokenEndpoint tokenEndpoint = new TokenEndpoint(zone, tokens, new RefreshTokenReader(key, issuer, clock), codes);
        ScimUsersEndpoint users = new ScimUsersEndpoint(zone, bearerTokens, clock);
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(zone, codes, bearerTokens, tokens, url);
        server.serve(new UaaHandler(tokenEndpoint, new TokenKeysEndpoint(key), new InfoEndpoint(url), users, authorize));
        return new Uaa(server, key, issuer, issued, codes, sshProxy);
    }

    public URI uri() {
        return server.uri();
    }

    /** The {@code iss} claim of every token, which resource servers check. */
    public String issuer() {
        return issuer;
    }

    /** The key that verifies this UAA's tokens (what {@code /token_keys} publishes). */
    public RSAPublicKey verificationKey() {
        return key.publicKey();
    }

    /** The SSH proxy's client ({@code ssh-proxy}), with which it redeems the one-time codes {@code cf ssh} sends. */
    public ClientCredentials sshProxyClient() {
        return sshProxy;
    }

    /** <b>Test-only fault</b>: a redeemed authorization code (a {@code cf ssh} code) stays good, so it logs in again. */
    public void authorizationCodesReusableForTests(boolean on) {
        codes.reusable(on);
    }

    /** <b>Test-only</b>: the record of signed tokens, off until a test turns it on. */
    public IssuedTokens issuedTokens() {
        return issued;
    }

    @Override
    public void close() {
        server.close();
    }
}
