package vigil.sim;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import vigil.sim.api.CloudController;
import vigil.sim.cells.Cells;
import vigil.sim.uaa.Uaa;

/**
 * The embedded CF: a Cloud Controller and a UAA on loopback ports, started together and stopped
 * together. Clients reach it over HTTP exactly as they reach a real CF.
 */
public final class Sim implements AutoCloseable {

    static final String ADMIN_USER = "admin";
    static final String APPS_DOMAIN = "apps.vigil.test";

    private final Uaa uaa;
    private final Cells cells;
    private final CloudController api;
    private final String adminPassword;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sim(Uaa uaa, Cells cells, CloudController api, String adminPassword) {
        this.uaa = uaa;
        this.cells = cells;
        this.api = api;
        this.adminPassword = adminPassword;
    }

    /** Starts the UAA and the Cloud Controller; if either cannot start, nothing is left running. */
    public static Sim start(SimOptions options) throws IOException {
        return start(options, Clock.systemUTC());
    }

    /** The clock is a seam for tests: token issue and expiry are judged by it. */
    static Sim start(SimOptions options, Clock clock) throws IOException {
        String password = options.adminPassword() != null ? options.adminPassword() : AdminPassword.generate();
        Uaa uaa = Uaa.start(options.uaaPort(), password, options.tokenLifetime(), clock);
        Cells cells = null;
        try {
            cells = Cells.start(new Cells.Options(3, null, clock));
            CloudController api = CloudController.start(options.apiPort(), uaa.uri(), uaa.issuer(),
                    uaa.verificationKey(), clock, cells, APPS_DOMAIN, null);
            return new Sim(uaa, cells, api, password);
        } catch (IOException | RuntimeException e) {
            if (cells != null) {
                cells.close();
            }
            uaa.close();
            throw e;
        }
    }

    public URI apiUrl() {
        return api.uri();
    }

    public URI uaaUrl() {
        return uaa.uri();
    }

    public String adminUser() {
        return ADMIN_USER;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String appsDomain() {
        return APPS_DOMAIN;
    }

    /** Writes a config file that {@code vigil run --config} accepts as is; owner-only, as it holds the password. */
    public void writeConfig(Path file) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("api", apiUrl().toString());
        config.put("apps_domain", appsDomain());
        config.put("admin_user", adminUser());
        config.put("admin_password", adminPassword);
        config.put("skip_ssl_validation", false);
        ConfigFileWriter.write(file, config);
    }

    /** Stops the servers and every app instance, and frees the ports. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                api.close();
            } finally {
                try {
                    cells.close();
                } finally {
                    uaa.close();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Sim[api=" + apiUrl() + ", uaa=" + uaaUrl() + "]";
    }
}
