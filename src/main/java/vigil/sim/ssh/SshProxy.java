package vigil.sim.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.forward.AgentForwardingFilter;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.X11ForwardingFilter;
import org.apache.sshd.server.session.ServerSession;
import vigil.sim.cells.InstanceAccess;
import vigil.sim.cells.LogLine;
import vigil.sim.http.Transport;

/**
 * The embedded CF's SSH proxy, what {@code cf ssh} connects to: Diego's ssh-proxy and the SSH daemon in each
 * container in one, on its own loopback port. A client logs in as {@code cf:<app guid>/<index>} with a one-time
 * code from the UAA as its password ({@link CfPasswordAuthenticator}); then commands, a shell and local port
 * forwards run inside that instance ({@link InstanceShells}, {@link ContainerForwarding}). Any SSH client works,
 * OpenSSH's {@code ssh} included.
 *
 * <pre>{@code
 * SshProxy ssh = SshProxy.start(0, uaa.uri(), cc::uri, "ssh-proxy", secret, cells::access, cells::appendLog,
 *         Clock.systemUTC(), Transport.PLAIN);
 * cc.appSsh(ssh.address(), ssh.hostKeyFingerprint(), "ssh-proxy");   // announced in GET / and /v2/info
 * }</pre>
 */
public final class SshProxy implements AutoCloseable {

    private final SshServer server;
    private final HostKey hostKey;
    private final InstanceShells shells;
    private final ContainerForwarding forwarding;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SshProxy(SshServer server, HostKey hostKey, InstanceShells shells, ContainerForwarding forwarding) {
        this.server = server;
        this.hostKey = hostKey;
        this.shells = shells;
        this.forwarding = forwarding;
    }

    /**
     * @param port       0 picks a free port
     * @param uaaUrl     where the one-time codes are redeemed
     * @param ccUrl      the Cloud Controller that says who may reach which app (asked at each login)
     * @param clientId   the UAA client the codes are issued for ({@code ssh-proxy}), with its secret
     * @param instances  the running instance at an index of a process (the cells')
     * @param appLog     where session starts and ends are logged for the app ({@code cf logs} shows them)
     */
    public static SshProxy start(int port, URI uaaUrl, Supplier<URI> ccUrl, String clientId, String clientSecret,
                                 BiFunction<String, Integer, Optional<InstanceAccess>> instances,
                                 Consumer<LogLine> appLog, Clock clock, Transport transport) throws IOException {
        HostKey hostKey = HostKey.generate();
        InstanceShells shells = new InstanceShells(instances);
        ContainerForwarding forwarding = new ContainerForwarding(shells);
        Consumer<CfPasswordAuthenticator.SessionLog> log = line -> appLog.accept(new LogLine(clock.instant(),
                line.appGuid(), "SSH", Integer.toString(line.index()), false, line.text()));
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey.keyPair()));
        // Diego's proxy takes passwords (one-time codes) only.
        server.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator(null);
        server.setPasswordAuthenticator(new CfPasswordAuthenticator(
                new AppAccessCheck(uaaUrl, ccUrl, clientId, clientSecret, transport), instances, log));
        server.setCommandFactory(shells::command);
        server.setShellFactory(shells::shell);
        server.setForwardingFilter(ForwardingFilter.asForwardingFilter(
                AgentForwardingFilter.of(false), X11ForwardingFilter.of(false), forwarding));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionClosed(Session session) {
                CfPasswordAuthenticator.Target target = session.getAttribute(CfPasswordAuthenticator.INSTANCE);
                if (target != null && session instanceof ServerSession serverSession) {
                    log.accept(new CfPasswordAuthenticator.SessionLog(target.appGuid(), target.index(),
                            "Remote access ended for " + CfPasswordAuthenticator.address(serverSession)));
                }
            }
        });
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            shells.close();
            server.stop(true);
            throw e;
        }
        return new SshProxy(server, hostKey, shells, forwarding);
    }

    /** {@code 127.0.0.1:PORT}, as {@code app_ssh_endpoint} announces it. */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    public int port() {
        return server.getPort();
    }

    /** The host key's SHA-256 fingerprint in unpadded base64, as {@code app_ssh_host_key_fingerprint} gives it. */
    public String hostKeyFingerprint() {
        return hostKey.fingerprint();
    }

    /** <b>Test-only fault</b>: commands and shells run without the instance's environment (only {@code PATH}). */
    public void instanceEnvironmentLeftOutForTests(boolean on) {
        shells.environmentLeftOut(on);
    }

    /** <b>Test-only fault</b>: local port forwards ({@code cf ssh -L}) are refused. */
    public void portForwardingRefusedForTests(boolean on) {
        forwarding.refused(on);
    }

    /** Stops accepting, ends every session and kills what sessions still ran. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException("stopping the SSH proxy: " + e.getMessage(), e);
        } finally {
            shells.close();
        }
    }
}
