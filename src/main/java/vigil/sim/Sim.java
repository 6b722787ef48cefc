package vigil.sim;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import vigil.sim.admin.Deploys;
import vigil.sim.admin.DeploysEndpoint;
import vigil.sim.admin.Faults;
import vigil.sim.admin.FaultsEndpoint;
import vigil.sim.admin.StatusEndpoint;
import vigil.sim.api.AdminRoute;
import vigil.sim.api.CcFaults;
import vigil.sim.api.CloudController;
import vigil.sim.cells.Cells;
import vigil.sim.http.Transport;
import vigil.sim.logcache.LogCache;
import vigil.sim.network.ContainerNetwork;
import vigil.sim.network.TcpRouter;
import vigil.sim.logcache.RlpGateway;
import vigil.sim.router.Router;
import vigil.sim.ssh.SshProxy;
import vigil.sim.syslog.SyslogDrains;
import vigil.sim.uaa.IssuedTokens;
import vigil.sim.uaa.Uaa;

/**
 * The embedded CF: a UAA, a Cloud Controller, cells that run app instances as OS processes, a log-cache
 * and a router, each on its own loopback port, started together and stopped together. Clients reach it
 * over HTTP exactly as they reach a real CF.
 */
public final class Sim implements AutoCloseable {

    static final String ADMIN_USER = "admin";
    static final String APPS_DOMAIN = "apps.vigil.test";
    /** The TCP domain a run creates (with the router group {@code default-tcp}) when it is not there yet. */
    static final String TCP_DOMAIN = "tcp.vigil.test";
    /** How long a log stream stays silent before a heartbeat event (the RLP gateway's is configurable too). */
    static final java.time.Duration LOG_STREAM_HEARTBEAT = java.time.Duration.ofSeconds(2);

    private final Uaa uaa;
    private final Cells cells;
    private final LogCache logCache;
    private final CloudController api;
    private final Router router;
    private final Faults faults;
    private final Deploys deploys;
    private final TestFaults testFaults;
    private final String adminPassword;
    private final boolean tls;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The log stream and the syslog drains (issue 13), closed first: they only read the cells' logs. */
    private final List<AutoCloseable> logComponents = new java.util.ArrayList<>();
    private final SshProxy ssh;
    private final Networking networking;

    /** TCP router and container network (issue 13), started after the CC and closed with the sim. */
    private record Networking(TcpRouter tcpRouter, ContainerNetwork containerNetwork) {
    }

    private Sim(Uaa uaa, Cells cells, LogCache logCache, CloudController api, Router router, Faults faults,
                Deploys deploys, TestFaults testFaults, String adminPassword, boolean tls, SshProxy ssh,
                Networking networking) {
        this.ssh = ssh;
        this.networking = networking;
        this.uaa = uaa;
        this.cells = cells;
        this.logCache = logCache;
        this.api = api;
        this.router = router;
        this.faults = faults;
        this.deploys = deploys;
        this.testFaults = testFaults;
        this.adminPassword = adminPassword;
        this.tls = tls;
    }

    /** Starts every component; if one cannot start, nothing is left running. */
    public static Sim start(SimOptions options) throws IOException {
        return start(options, Clock.systemUTC());
    }

    /** The clock is a seam for tests: token issue and expiry are judged by it. */
    static Sim start(SimOptions options, Clock clock) throws IOException {
        String password = options.adminPassword() != null ? options.adminPassword() : AdminPassword.generate();
        // One certificate for every server; app routes are reached by IP with the route as Host (or by name).
        Transport transport = options.tls() ? Transport.selfSigned("localhost", "*." + APPS_DOMAIN) : Transport.PLAIN;
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            Uaa uaa = remember(started, Uaa.start(options.uaaPort(), password, options.tokenLifetime(), clock, transport));
            Cells cells = remember(started, Cells.start(new Cells.Options(options.cells(), null, clock)));
            // The log-cache asks the CC whether a token is good; the CC links to the log-cache: bind it first.
            AtomicReference<CloudController> ccRef = new AtomicReference<>();
            // cf ssh: the SSH library's classes take a few hundred ms of CPU to load; the proxy starts on another
            // core while the rest starts, and asks the CC for its URL only when someone logs in.
            CompletableFuture<SshProxy> sshStarting = SshStart.begin(() -> SshProxy.start(options.sshPort(), uaa.uri(),
                    () -> ccRef.get().uri(), uaa.sshProxyClient().id(), uaa.sshProxyClient().secret(), cells::access,
                    cells::appendLog, clock, transport));
            started.push(() -> SshStart.closeWhenStarted(sshStarting));
            LogCache logCache = remember(started, LogCache.start(0, cells,
                    authorization -> ccRef.get() != null && ccRef.get().acceptsToken(authorization), transport));
            // log streaming (RLP gateway) and syslog drains: issue 13
            RlpGateway logStream = remember(started, RlpGateway.start(0, cells,
                    authorization -> ccRef.get() != null && ccRef.get().acceptsToken(authorization), transport,
                    LOG_STREAM_HEARTBEAT));
            SyslogDrains syslogDrains = remember(started, SyslogDrains.start(cells,
                    (appGuid, wholeSpace) -> ccRef.get() == null ? List.of()
                            : ccRef.get().syslogDrains(appGuid, wholeSpace), clock));
            // Closed before the cells: faults end (cells come back) and a running deploy stops where it is.
            Faults faults = remember(started, new Faults(cells, clock));
            Deploys deploys = remember(started, new Deploys(cells, clock));
            FaultsEndpoint faultsEndpoint = new FaultsEndpoint(faults);
            DeploysEndpoint deploysEndpoint = new DeploysEndpoint(deploys);
            List<AdminRoute> admin = List.of(
                    new AdminRoute("GET", AdminRoute.PREFIX + "status", new StatusEndpoint(ccRef::get, cells, faults)::status),
                    new AdminRoute("POST", FaultsEndpoint.PATH, faultsEndpoint::create),
                    new AdminRoute("GET", FaultsEndpoint.PATH, faultsEndpoint::list),
                    new AdminRoute("GET", FaultsEndpoint.PATH + "/{id}", faultsEndpoint::get),
                    new AdminRoute("DELETE", FaultsEndpoint.PATH + "/{id}", faultsEndpoint::delete),
                    new AdminRoute("POST", DeploysEndpoint.START_PATH, deploysEndpoint::start),
                    new AdminRoute("GET", DeploysEndpoint.PATH, deploysEndpoint::list),
                    new AdminRoute("GET", DeploysEndpoint.PATH + "/{id}", deploysEndpoint::get));
            CcFaults ccFaults = new CcFaults();
            CloudController api = remember(started, CloudController.start(options.apiPort(), uaa.uri(), uaa.issuer(),
                    uaa::verificationKey, clock, cells, APPS_DOMAIN, null, logCache.uri(), logStream.uri(), admin, ccFaults,
                    transport));
            ccRef.set(api);
            api.faultHook(faults::beforeApiRequest);
            RouteBackends routeBackends = new RouteBackends(api, cells);
            Router router = remember(started, Router.start(options.routerPort(), routeBackends,
                    faults::routerFailShare, transport));
            // cf ssh: the SSH proxy redeems codes at the UAA and asks the CC, which announces it.
            SshProxy ssh = remember(started, SshStart.await(sshStarting));
            api.appSsh(ssh.address(), ssh.hostKeyFingerprint(), uaa.sshProxyClient().id());
            TcpRouter tcpRouter = remember(started, TcpRouter.start(api.network(), cells));
            // Syslog drains through TCP routes: a drain URL naming a TCP domain goes to the TCP router.
            syslogDrains.dialTcpDomainsAt(api.network()::isTcpDomain, tcpRouter.address());
            ContainerNetwork containerNetwork = remember(started, ContainerNetwork.start(api.network(), cells));
            cells.networkFlags(containerNetwork::jvmFlags);
            // Brokers pushed as apps: the CC reaches them at their instances (issue 11).
            api.appRouteAddresses(routeBackends::firstAddress);
            // The UAA's key was generated while the rest started; a started sim answers its first token request
            // without that wait, which a client with a short request timeout would take for a dead UAA.
            uaa.verificationKey();
            Sim sim = new Sim(uaa, cells, logCache, api, router, faults, deploys,
                    new TestFaults(ccFaults, api, uaa, ssh, tcpRouter).withLogs(logStream, syslogDrains), password,
                    options.tls(), ssh, new Networking(tcpRouter, containerNetwork));
            sim.logComponents.addAll(List.of(syslogDrains, logStream));
            return sim;
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T remember(Deque<AutoCloseable> started, T component) {
        started.push(component);
        return component;
    }

    public URI apiUrl() {
        return api.uri();
    }

    public URI uaaUrl() {
        return uaa.uri();
    }

    /** Where app routes are reached: {@code 127.0.0.1:PORT}, with the route as {@code Host}. */
    public String routerAddress() {
        return router.address();
    }

    /** The host TCP routes are reached on, with the route's port: {@code 127.0.0.1}. */
    public String tcpRouterAddress() {
        return networking.tcpRouter().address();
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

    /** Where {@code cf ssh} connects: {@code 127.0.0.1:PORT} of the SSH proxy (also in {@code GET /}, {@code /v2/info}). */
    public String sshAddress() {
        return ssh.address();
    }

    /** Whether every server speaks HTTPS with the self-signed certificate made at start. */
    public boolean tls() {
        return tls;
    }

    /** Injected faults (kill-cell, api-outage, slow-api, router-errors), as {@code vigil sim fault} starts them. */
    public Faults faults() {
        return faults;
    }

    /**
     * <b>Test-only</b> switches that break CF on purpose, so tests can show Vigil's scenarios catch it
     * (see {@link TestFaults}); all off unless a test turns one on. Nothing outside this JVM reaches them.
     */
    public TestFaults testFaults() {
        return testFaults;
    }

    /**
     * <b>Test-only</b>: the record of every token the UAA signs, off until a test starts it, so that a test can
     * look for issued tokens in what a run wrote. Nothing outside this JVM reaches it.
     */
    public IssuedTokens issuedTokens() {
        return uaa.issuedTokens();
    }

    /** Rolling platform deploys, as {@code vigil sim deploy} starts them. */
    public Deploys deploys() {
        return deploys;
    }

    /** Writes a config file that {@code vigil run --config} accepts as is; owner-only, as it holds the password. */
    public void writeConfig(Path file) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("api", apiUrl().toString());
        config.put("apps_domain", appsDomain());
        config.put("admin_user", adminUser());
        config.put("admin_password", adminPassword);
        // Also with TLS: the certificate is self-signed, and trusting it is the user's decision, not the sim's.
        config.put("skip_ssl_validation", false);
        // No DNS for the apps domain: app routes go to the router, in the scheme of the rest of the sim.
        config.put("router_address", routerAddress());
        config.put("use_http", !tls);
        // Everything the embedded CF can do is tested on it; CATS leaves these groups off by default.
        for (String group : List.of("tasks", "deployments", "services", "user_provided_services", "ssh")) {
            config.put("include_" + group, true);
        }
        // Route services and instance sharing work on the embedded CF too (issue 11).
        for (String group : List.of("route_services", "service_instance_sharing")) {
            config.put("include_" + group, true);
        }
        // TCP routing and container networking (issue 13): CATS's keys for the TCP domain, Vigil's for the router.
        config.put("tcp_domain", TCP_DOMAIN);
        config.put("tcp_router_address", tcpRouterAddress());
        config.put("include_tcp_routing", true);
        config.put("include_container_networking", true);
        ConfigFileWriter.write(file, config);
    }

    /** Stops the servers and every app instance, and frees the ports. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // The SSH proxy first: its sessions run in instances, which the cells then stop.
            Deque<AutoCloseable> all = new ArrayDeque<>(List.of(ssh, uaa, deploys, faults, cells, logCache, api, router));
            logComponents.forEach(all::addFirst);
            all.addFirst(networking.containerNetwork());
            all.addFirst(networking.tcpRouter());
            closeAll(all);
        }
    }

    /** Closes the most recently started first; one failing does not keep the others running. */
    private static void closeAll(Deque<AutoCloseable> started) {
        RuntimeException first = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "Sim[api=" + apiUrl() + ", uaa=" + uaaUrl() + ", router=" + routerAddress() + ", ssh=" + sshAddress() + "]";
    }
}
