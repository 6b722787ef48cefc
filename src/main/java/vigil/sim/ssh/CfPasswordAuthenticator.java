package vigil.sim.ssh;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import vigil.sim.cells.InstanceAccess;

/**
 * Diego's CF authenticator: the user names the instance, {@code cf:<app guid>/<index>}, the password is a one-time
 * code from the UAA; the code's user must be allowed to reach the app ({@link AppAccessCheck}) and the instance
 * must be up. A session that gets in remembers its instance ({@link #INSTANCE}) and says so in the app's log
 * ("Successful remote access by ...", as the proxy logs it with source {@code SSH}).
 */
final class CfPasswordAuthenticator implements PasswordAuthenticator {

    /** The instance a logged-in session belongs to. */
    record Target(String appGuid, String processGuid, int index) {
    }

    static final AttributeKey<Target> INSTANCE = new AttributeKey<>();

    /** Diego's pattern: an app guid and an instance index. */
    private static final Pattern USER = Pattern.compile(
            "cf:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/(\\d{1,9})");

    private final AppAccessCheck check;
    private final BiFunction<String, Integer, Optional<InstanceAccess>> instances;
    private final Consumer<SessionLog> log;

    /** A line for an app's log about a session, e.g. its start. */
    record SessionLog(String appGuid, int index, String text) {
    }

    CfPasswordAuthenticator(AppAccessCheck check, BiFunction<String, Integer, Optional<InstanceAccess>> instances,
                            Consumer<SessionLog> log) {
        this.check = check;
        this.instances = instances;
        this.log = log;
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        Matcher user = USER.matcher(username);
        if (!user.matches() || password == null || password.isEmpty()) {
            return false;
        }
        String appGuid = user.group(1).toLowerCase(Locale.ROOT);
        int index = Integer.parseInt(user.group(2));
        Optional<String> processGuid = check.processGuid(appGuid, index, password);
        if (processGuid.isEmpty() || instances.apply(processGuid.get(), index).isEmpty()) {
            return false;
        }
        session.setAttribute(INSTANCE, new Target(appGuid, processGuid.get(), index));
        log.accept(new SessionLog(appGuid, index, "Successful remote access by " + address(session)));
        return true;
    }

    /** {@code host:port} of the client, as Diego's proxy writes it. */
    static String address(ServerSession session) {
        return session.getClientAddress() instanceof InetSocketAddress inet
                ? inet.getHostString() + ":" + inet.getPort() : String.valueOf(session.getClientAddress());
    }
}
