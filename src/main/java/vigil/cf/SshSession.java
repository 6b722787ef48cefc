package vigil.cf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import vigil.config.Secret;

/**
 * One logged-in SSH session with an app instance, as {@code cf ssh} holds it: run a command, feed a shell, forward a
 * local port ({@code cf ssh -L}). The server's host key must match the fingerprint CF announces. Closing it ends the
 * session and its forwards.
 *
 * <pre>{@code
 * try (SshSession ssh = cf.appSsh().logIn(appGuid, 1, cf.appSsh().oneTimeCode())) {
 *     SshResult env = ssh.exec("/usr/bin/env");
 * }
 * }</pre>
 */
public final class SshSession implements AutoCloseable {
    private final SshClient client;
    private final ClientSession session;
    private final Duration timeout;
    private final String name;

    private SshSession(SshClient client, ClientSession session, Duration timeout, String name) {
        this.client = client;
        this.session = session;
        this.timeout = timeout;
        this.name = name;
    }

    /**
     * Connects as {@code cf:<app guid>/<index>} with the one-time code as password.
     *
     * @throws SshLoginRefusedException when the proxy refuses the login
     */
    static SshSession logIn(SshEndpoint endpoint, String appGuid, int index, Secret code, Duration timeout) {
        String user = "cf:" + appGuid + "/" + index;
        String name = user + "@" + endpoint.address();
        SshClient client = SshClient.setUpDefaultClient();
        // Nothing of the user's own SSH setup (keys, ~/.ssh/config): only the one-time code logs in.
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setServerKeyVerifier((clientSession, address, key) ->
                HostKeyFingerprint.matches(endpoint.hostKeyFingerprint(), key));
        client.start();
        ClientSession session = null;
        try {
            session = client.connect(user, endpoint.host(), endpoint.port()).verify(timeout).getSession();
            session.addPasswordIdentity(code.reveal());
            try {
                session.auth().verify(timeout);
            } catch (IOException refused) {
                throw new SshLoginRefusedException("the SSH proxy at " + endpoint.address() + " refused " + user
                        + " with a one-time code: " + refused.getMessage(), refused);
            }
            return new SshSession(client, session, timeout, name);
        } catch (IOException e) {
            close(client, session);
            throw new UncheckedIOException("SSH to " + name + " failed (is the host key's fingerprint "
                    + endpoint.hostKeyFingerprint() + " as announced?): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(client, session);
            throw e;
        }
    }

    /** Runs a command line in the instance and waits for it to end. */
    public SshResult exec(String command) {
        try (ChannelExec channel = session.createExecChannel(command)) {
            return run(channel, null, "command '" + command + "'");
        } catch (IOException e) {
            throw new UncheckedIOException("SSH command on " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Opens a shell (no command), types {@code input}, ends the input (EOF) and waits for the shell to end. */
    public SshResult shell(String input) {
        try (ChannelShell channel = session.createShellChannel()) {
            return run(channel, input, "shell");
        } catch (IOException e) {
            throw new UncheckedIOException("SSH shell on " + name + " failed: " + e.getMessage(), e);
        }
    }

    private SshResult run(ClientChannel channel, String input, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        channel.setOut(out);
        channel.setErr(err);
        if (input != null) {
            channel.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        }
        channel.open().verify(timeout);
        Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
        if (events.contains(ClientChannelEvent.TIMEOUT)) {
            throw new IllegalStateException("the " + what + " on " + name + " did not end within " + timeout
                    + "; output so far: " + out.toString(StandardCharsets.UTF_8));
        }
        return new SshResult(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                channel.getExitStatus());
    }

    /**
     * Forwards a free local port to {@code localhost:remotePort} as seen from inside the instance's container
     * ({@code cf ssh -L}); returns the local port. The forward ends with the session.
     */
    public int forwardLocalPort(int remotePort) {
        try {
            ExplicitPortForwardingTracker tracker = session.createLocalPortForwardingTracker(
                    new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress("localhost", remotePort));
            return tracker.getBoundAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot forward a local port through " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        close(client, session);
    }

    private static void close(SshClient client, ClientSession session) {
        try {
            if (session != null) {
                session.close(true);
            }
        } finally {
            client.stop();
        }
    }

    @Override
    public String toString() {
        return "SshSession[" + name + "]";
    }
}
