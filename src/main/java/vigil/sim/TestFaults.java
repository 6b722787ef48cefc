package vigil.sim;

import vigil.sim.api.CcFaults;
import vigil.sim.api.CloudController;
import vigil.sim.ssh.SshProxy;
import vigil.sim.uaa.Uaa;
import vigil.sim.logcache.RlpGateway;
import vigil.sim.syslog.SyslogDrains;

/**
 * <b>Test-only switchboard: every switch here breaks CF on purpose.</b> They exist only so that tests can
 * show that Vigil's scenarios catch the breakage: one switch per acceptance group, each a small seam in the
 * embedded CF that makes it stop doing what CF documents. They are reachable only from a {@link Sim} started
 * in the same JVM ({@link Sim#testFaults()}); no HTTP endpoint, admin endpoint or command-line option
 * reaches them. Unlike the operational faults of {@link Sim#faults()} (outages, killed cells, slow APIs,
 * which a real CF suffers too), these are bugs: a correct CF never behaves like this.
 *
 * <p>All switches start off. Each setter returns this object; a switch takes effect for what starts after it.
 *
 * <pre>{@code
 * try (Sim sim = Sim.start(SimOptions.defaults())) {
 *     sim.testFaults().routerIgnoresUnmapping(true);
 *     // vigil run --tags "@routing and @unmap" against this sim must now fail
 * }
 * }</pre>
 */
public final class TestFaults {

    private final CcFaults cc;
    private final CloudController api;
    private final Uaa uaa;
    private final SshProxy ssh;

    TestFaults(CcFaults cc, CloudController api, Uaa uaa, SshProxy ssh) {
        this.cc = cc;
        this.api = api;
        this.uaa = uaa;
        this.ssh = ssh;
    }

    /** {@code @deployments}: rolling deployments stop every old instance before starting new ones (downtime). */
    public TestFaults deploymentsStopOldInstancesFirst(boolean on) {
        cc.deploymentsStopOldInstancesFirst(on);
        return this;
    }

    /** {@code @isolation}: authorization is off, every authenticated user acts as an admin. */
    public TestFaults authorizationOff(boolean on) {
        api.skipAuthorizationForTests(on);
        return this;
    }

    /** {@code @routing}: the router keeps sending a route's requests to destinations unmapped from it. */
    public TestFaults routerIgnoresUnmapping(boolean on) {
        cc.routingIgnoresUnmapping(on);
        return this;
    }

    /** {@code @apps}: environment variables set on an app don't reach its instances. */
    public TestFaults appEnvironmentLeftOut(boolean on) {
        cc.userEnvironmentLeftOut(on);
        return this;
    }

    /** {@code @detect}: staging accepts any bits; a package without a {@code Main-Class} stages. */
    public TestFaults stagingAcceptsAnyBits(boolean on) {
        cc.stagingAcceptsAnyBits(on);
        return this;
    }

    /** {@code @tasks}: a task's exit status is ignored; every task that ends by itself SUCCEEDS. */
    public TestFaults taskExitStatusIgnored(boolean on) {
        cc.taskExitStatusIgnored(on);
        return this;
    }

    /** {@code @services}: service bindings are left out of the instances' {@code VCAP_SERVICES}. */
    public TestFaults bindingsLeftOutOfVcapServices(boolean on) {
        cc.bindingsLeftOutOfVcapServices(on);
        return this;
    }

    /** {@code @manifests}: {@code apply_manifest} ignores {@code instances}. */
    public TestFaults manifestInstancesIgnored(boolean on) {
        cc.manifestInstancesIgnored(on);
        return this;
    }

    /**
     * Smoke ("The API answers and says where to log in"): the next {@code requests} answers to {@code GET /v3/info} are 500, then it answers
     * again ({@link Integer#MAX_VALUE}: it never does). A scenario that reads the info fails on its first attempt
     * and passes on a rerun: what {@code vigil run --rerun-failed} must report as flaky.
     */
    public TestFaults v3InfoFails(int requests) {
        cc.v3InfoFails(requests);
        return this;
    }

    // app platform features (multi-process apps, sidecars, revisions, canary deployments, health checks)

    /** {@code @v3 @processes}: processes other than web (a Procfile's worker) are scaled but never run. */
    public TestFaults nonWebProcessesNotRun(boolean on) {
        cc.nonWebProcessesNotRun(on);
        return this;
    }

    /** {@code @sidecars}: an instance restarted after a crash runs without its sidecars. */
    public TestFaults sidecarsNotRestartedWithInstance(boolean on) {
        cc.sidecarsNotRestartedWithInstance(on);
        return this;
    }

    /** {@code @v3 @readiness}: readiness checks are never run; every running instance stays routable. */
    public TestFaults readinessChecksIgnored(boolean on) {
        cc.readinessChecksIgnored(on);
        return this;
    }

    /** {@code @v3 @health-checks}: an http health check requests {@code /} whatever its endpoint says. */
    public TestFaults httpHealthCheckEndpointIgnored(boolean on) {
        cc.httpHealthCheckEndpointIgnored(on);
        return this;
    }

    /** {@code @revisions}: rolling back to a revision keeps the app's current droplet. */
    public TestFaults rollbackDeploysCurrentDroplet(boolean on) {
        cc.rollbackDeploysCurrentDroplet(on);
        return this;
    }

    /** {@code @revisions}: rolling back to a revision keeps the app's current environment variables. */
    public TestFaults rollbackKeepsEnvironment(boolean on) {
        cc.rollbackKeepsEnvironment(on);
        return this;
    }

    /** {@code @canary}: a canary deployment's first step replaces every instance before it pauses. */
    public TestFaults canaryReplacesEveryInstance(boolean on) {
        cc.canaryReplacesEveryInstance(on);
        return this;
    }

    /** {@code @canary @max-in-flight}: deployments replace every instance at once, whatever max_in_flight says. */
    public TestFaults maxInFlightIgnored(boolean on) {
        cc.maxInFlightIgnored(on);
        return this;
    }

    /** {@code @sidecars @sidecar-exit}: a sidecar that exits leaves its instance running without it. */
    public TestFaults sidecarExitIgnored(boolean on) {
        cc.sidecarExitIgnored(on);
        return this;
    }

    /** {@code @canary @cancel}: cancelling a canary marks it CANCELED at once and keeps its new instances. */
    public TestFaults canaryCancelKeepsNewInstances(boolean on) {
        cc.canaryCancelKeepsNewInstances(on);
        return this;
    }

    // managed services, brokers, route services, sharing (issue 11)

    /** {@code @brokers}: a space-scoped broker's plans are shown as public instead of visible in its space. */
    public TestFaults brokerPlansShownPublic(boolean on) {
        cc.brokerPlansShownPublic(on);
        return this;
    }

    /** {@code @managed-services}: a broker's 202 to a provision counts as done; last_operation is never polled. */
    public TestFaults asyncProvisionReportedDoneAtOnce(boolean on) {
        cc.asyncProvisionReportedDoneAtOnce(on);
        return this;
    }

    /** {@code @managed-services}: bindings to managed instances reach VCAP_SERVICES without the broker's credentials. */
    public TestFaults managedCredentialsLeftOutOfVcapServices(boolean on) {
        cc.managedCredentialsLeftOutOfVcapServices(on);
        return this;
    }

    /** {@code @managed-services}: unbind requests reach the broker without {@code service_id} and {@code plan_id}. */
    public TestFaults unbindWithoutCatalogIds(boolean on) {
        cc.unbindWithoutCatalogIds(on);
        return this;
    }

    /** {@code @brokers}: a failed broker operation leaves no description on the instance's last operation. */
    public TestFaults brokerErrorDescriptionDropped(boolean on) {
        cc.brokerErrorDescriptionDropped(on);
        return this;
    }

    /** {@code @route-services}: the router sends a route's requests to its apps directly, past its route service. */
    public TestFaults routeServicesBypassed(boolean on) {
        cc.routeServicesBypassed(on);
        return this;
    }

    /** {@code @sharing}: sharing is accepted, but the shared space never lists the instance. */
    public TestFaults sharingIgnored(boolean on) {
        cc.sharingIgnored(on);
        return this;
    }

    // cf ssh (@ssh)

    /** {@code @ssh}: commands and shells run without the instance's environment (no CF_INSTANCE_*, VCAP_*). */
    public TestFaults sshWithoutInstanceEnvironment(boolean on) {
        ssh.instanceEnvironmentLeftOutForTests(on);
        return this;
    }

    /** {@code @ssh}: a one-time SSH code (UAA authorization code) stays good after it was used. */
    public TestFaults sshCodesReusable(boolean on) {
        uaa.authorizationCodesReusableForTests(on);
        return this;
    }

    /** {@code @ssh}: the SSH proxy lets users in although SSH is disabled for the app or its space. */
    public TestFaults sshAllowedWhenDisabled(boolean on) {
        cc.sshAllowedWhenDisabled(on);
        return this;
    }

    /** {@code @ssh}: local port forwards ({@code cf ssh -L}) are refused. */
    public TestFaults sshPortForwardingRefused(boolean on) {
        ssh.portForwardingRefusedForTests(on);
        return this;
    }

    // syslog drains and log streaming (issue 13)
    private RlpGateway logStream;
    private SyslogDrains syslogDrains;

    TestFaults withLogs(RlpGateway logStream, SyslogDrains syslogDrains) {
        this.logStream = logStream;
        this.syslogDrains = syslogDrains;
        return this;
    }

    /** {@code @syslog}: drains get each message on a line of its own (non-transparent framing), not octet-counted. */
    public TestFaults syslogWithoutOctetCounting(boolean on) {
        syslogDrains.sendWithoutOctetCounting(on);
        return this;
    }

    /** {@code @syslog}: a drain bound to one app gets the lines of every app in its space. */
    public TestFaults syslogDrainsWholeSpace(boolean on) {
        syslogDrains.drainWholeSpaces(on);
        return this;
    }

    /** {@code @syslog}: lines an app writes to stderr reach drains with priority 14 (user.info), not 11 (user.err). */
    public TestFaults syslogStderrAsInfo(boolean on) {
        syslogDrains.sendStderrAsInfo(on);
        return this;
    }

    /**
     * {@code @logging}, {@code @log-stream}: each log stream (RLP gateway) delivers its first 5 lines, then only
     * heartbeats: lines are lost while the stream looks alive.
     */
    public TestFaults logStreamLosesLines(boolean on) {
        logStream.deliverOnlyFirstLines(on ? 5 : 0);
        return this;
    }

    /** {@code @logging}: the log stream serves readers that send no token. */
    public TestFaults logStreamWithoutToken(boolean on) {
        logStream.serveReadersWithoutToken(on);
        return this;
    }
}
