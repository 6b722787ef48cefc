package vigil.sim;

import java.time.Duration;

/**
 * How to start a {@link Sim}.
 *
 * @param apiPort       Cloud Controller port; 0 picks a free port
 * @param uaaPort       UAA port; 0 picks a free port
 * @param routerPort    router port (app routes); 0 picks a free port
 * @param cells         how many cells run app instances (spread over zones)
 * @param adminPassword the admin user's password (and admin client secret); null generates one
 * @param tokenLifetime access token lifetime; null means the default, 1200 s (the cf client's in cf-deployment)
 * @param tls           serve HTTPS (API, UAA, log-cache, router) with a self-signed certificate generated at start
 * @param sshPort       the SSH proxy's port ({@code cf ssh}); 0 picks a free port
 */
public record SimOptions(int apiPort, int uaaPort, int routerPort, int cells, String adminPassword,
                         Duration tokenLifetime, boolean tls, int sshPort) {

    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(1200);
    public static final int DEFAULT_CELLS = 3;

    public SimOptions {
        requirePort("apiPort", apiPort);
        requirePort("uaaPort", uaaPort);
        requirePort("routerPort", routerPort);
        requirePort("sshPort", sshPort);
        if (cells < 1 || cells > 32) {
            throw new IllegalArgumentException("cells must be between 1 and 32, was " + cells);
        }
        if (adminPassword != null && adminPassword.isEmpty()) {
            throw new IllegalArgumentException("adminPassword must not be empty (null generates one)");
        }
        if (tokenLifetime == null) {
            tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        }
        // Tokens carry whole seconds; a lifetime under one second would issue tokens already expired.
        if (tokenLifetime.getSeconds() < 1) {
            throw new IllegalArgumentException("tokenLifetime must be at least 1 second, was " + tokenLifetime);
        }
    }

    /** Plain HTTP, the SSH proxy on a free port. */
    public SimOptions(int apiPort, int uaaPort, int routerPort, int cells, String adminPassword, Duration tokenLifetime) {
        this(apiPort, uaaPort, routerPort, cells, adminPassword, tokenLifetime, false, 0);
    }

    /** Free ports, a generated password, 1200 s tokens, plain HTTP. */
    public static SimOptions defaults() {
        return new SimOptions(0, 0, 0, DEFAULT_CELLS, null, DEFAULT_TOKEN_LIFETIME, false, 0);
    }

    public SimOptions withApiPort(int port) {
        return new SimOptions(port, uaaPort, routerPort, cells, adminPassword, tokenLifetime, tls, sshPort);
    }

    public SimOptions withUaaPort(int port) {
        return new SimOptions(apiPort, port, routerPort, cells, adminPassword, tokenLifetime, tls, sshPort);
    }

    public SimOptions withRouterPort(int port) {
        return new SimOptions(apiPort, uaaPort, port, cells, adminPassword, tokenLifetime, tls, sshPort);
    }

    public SimOptions withCells(int count) {
        return new SimOptions(apiPort, uaaPort, routerPort, count, adminPassword, tokenLifetime, tls, sshPort);
    }

    public SimOptions withAdminPassword(String password) {
        return new SimOptions(apiPort, uaaPort, routerPort, cells, password, tokenLifetime, tls, sshPort);
    }

    public SimOptions withTokenLifetime(Duration lifetime) {
        return new SimOptions(apiPort, uaaPort, routerPort, cells, adminPassword, lifetime, tls, sshPort);
    }

    /** HTTPS everywhere with a self-signed certificate, or plain HTTP. */
    public SimOptions withTls(boolean serveTls) {
        return new SimOptions(apiPort, uaaPort, routerPort, cells, adminPassword, tokenLifetime, serveTls, sshPort);
    }

    /** The SSH proxy ({@code cf ssh}) on this port; 0 picks a free one. */
    public SimOptions withSshPort(int port) {
        return new SimOptions(apiPort, uaaPort, routerPort, cells, adminPassword, tokenLifetime, tls, port);
    }

    /** Never print the password, even though options are handy to log. */
    @Override
    public String toString() {
        return "SimOptions[apiPort=" + apiPort + ", uaaPort=" + uaaPort + ", routerPort=" + routerPort + ", cells=" + cells
                + ", adminPassword=" + (adminPassword == null ? "generated" : "given")
                + ", tokenLifetime=" + tokenLifetime + ", tls=" + tls + ", sshPort=" + sshPort + "]";
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0 (any free port) or 1-65535, was " + port);
        }
    }
}
