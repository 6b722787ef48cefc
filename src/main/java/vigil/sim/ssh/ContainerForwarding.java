package vigil.sim.ssh;

import java.io.IOException;
import java.util.Set;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import vigil.sim.cells.InstanceAccess;

/**
 * Local port forwarding ({@code cf ssh -L}): a {@code direct-tcpip} channel is opened from inside the session's
 * container, so {@code localhost:PORT} is the instance's own app. The sim's instances share the host's loopback,
 * so only the instance's own port counts as the container's: anything else is refused, as are remote forwards.
 */
final class ContainerForwarding implements TcpForwardingFilter {

    private static final Set<String> LOCALHOST = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    private final InstanceShells shells;
    /** Test-only fault: every forward is refused. */
    private volatile boolean refused;

    ContainerForwarding(InstanceShells shells) {
        this.shells = shells;
    }

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
        return false;
    }

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
        if (refused || type != Type.Direct || !LOCALHOST.contains(address.getHostName())) {
            return false;
        }
        try {
            InstanceAccess instance = shells.instanceOf(session.getAttribute(CfPasswordAuthenticator.INSTANCE));
            return address.getPort() == instance.port();
        } catch (IOException notRunning) {
            return false;
        }
    }

    /** <b>Test-only fault</b>: {@code cf ssh -L} forwards are refused. */
    void refused(boolean on) {
        refused = on;
    }
}
