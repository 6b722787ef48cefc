package vigil.sim;

import vigil.sim.api.CcFaults;
import vigil.sim.api.CloudController;
import vigil.sim.ssh.SshProxy;
import vigil.sim.uaa.Uaa;

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
}
