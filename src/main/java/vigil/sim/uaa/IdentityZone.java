package vigil.sim.uaa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The users and clients of the one zone the sim has, UAA's default zone {@code uaa}.
 * It starts with what a cf-deployment has and clients rely on: the {@code admin} user, the
 * {@code cf} client (the cf CLI's, empty secret), the {@code admin} client and the {@code ssh-proxy} client.
 */
final class IdentityZone {

    static final String ID = "uaa";
    static final String ADMIN = "admin";
    static final String CF_CLIENT = "cf";
    /** The client Diego's SSH proxy redeems {@code cf ssh} codes with. */
    static final String SSH_PROXY_CLIENT = "ssh-proxy";
    /** cf-deployment's scopes for the {@code ssh-proxy} client: what a token got through an SSH code may hold. */
    private static final List<String> SSH_PROXY_SCOPES = List.of(
            "openid", "cloud_controller.read", "cloud_controller.write", "cloud_controller.admin");

    /** cf-deployment's groups for the admin user plus the groups UAA gives every user. */
    private static final List<String> ADMIN_GROUPS = List.of(
            "cloud_controller.admin", "cloud_controller.read", "cloud_controller.write",
            "doppler.firehose", "network.admin", "openid", "password.write",
            "routing.router_groups.read", "routing.router_groups.write",
            "scim.read", "scim.write", "uaa.user");

    /** cf-deployment's scope list for the {@code cf} client. */
    private static final List<String> CF_CLIENT_SCOPES = List.of(
            "network.admin", "network.write", "cloud_controller.read", "cloud_controller.write", "openid",
            "password.write", "cloud_controller.admin", "scim.read", "scim.write", "doppler.firehose", "uaa.user",
            "routing.router_groups.read", "routing.router_groups.write", "cloud_controller.admin_read_only",
            "cloud_controller.global_auditor", "perm.admin", "clients.read");

    /**
     * cf-deployment's {@code admin} client authorities, plus the Cloud Controller and routing ones:
     * in the sim the admin client is meant to drive CF itself, not only to administer UAA.
     */
    private static final List<String> ADMIN_CLIENT_AUTHORITIES = List.of(
            "clients.read", "clients.secret", "clients.write", "uaa.admin", "scim.read", "scim.write",
            "password.write", "cloud_controller.admin", "cloud_controller.read", "cloud_controller.write",
            "doppler.firehose", "routing.router_groups.read", "routing.router_groups.write", "network.admin");

    /**
     * The groups UAA gives every new user (its default {@code user.authorities}); a token through the
     * {@code cf} client carries those the client allows too: read, write, openid, password.write, uaa.user.
     */
    static final List<String> NEW_USER_GROUPS = List.of(
            "openid", "uaa.user", "cloud_controller.read", "cloud_controller.write", "password.write",
            "scim.me", "profile", "roles", "user_attributes", "uaa.offline_token");

    /** Users come and go through SCIM, concurrently with logins. */
    private final ConcurrentMap<String, UaaUser> usersByName;
    private final Map<String, OAuthClient> clientsById;

    private IdentityZone(List<UaaUser> users, List<OAuthClient> clients) {
        this.usersByName = new ConcurrentHashMap<>(
                users.stream().collect(Collectors.toMap(UaaUser::userName, Function.identity())));
        this.clientsById = clients.stream().collect(Collectors.toUnmodifiableMap(OAuthClient::id, Function.identity()));
    }

    /**
     * The zone of a fresh CF: the admin user's password is also the admin client's secret; the SSH proxy's client
     * has a secret of its own.
     */
    static IdentityZone withAdmin(String adminPassword, String sshProxySecret) {
        UaaUser admin = new UaaUser(UUID.randomUUID().toString(), ADMIN, adminPassword, ADMIN, "uaa", ADMIN_GROUPS);
        OAuthClient cf = new OAuthClient(CF_CLIENT, "", Set.of("password", "refresh_token"), CF_CLIENT_SCOPES, List.of("uaa.none"));
        OAuthClient adminClient = new OAuthClient(ADMIN, adminPassword, Set.of("client_credentials"),
                List.of("uaa.none"), ADMIN_CLIENT_AUTHORITIES);
        OAuthClient sshProxy = new OAuthClient(SSH_PROXY_CLIENT, sshProxySecret, Set.of("authorization_code"),
                SSH_PROXY_SCOPES, List.of("uaa.none"));
        return new IdentityZone(List.of(admin), List.of(cf, adminClient, sshProxy));
    }

    /** A registered client by id, without authenticating it (the authorize endpoint names the client in the query). */
    Optional<OAuthClient> client(String clientId) {
        return Optional.ofNullable(clientsById.get(clientId));
    }

    Optional<OAuthClient> authenticateClient(String clientId, String secret) {
        return Optional.ofNullable(clientsById.get(clientId)).filter(client -> same(client.secret(), secret));
    }

    Optional<UaaUser> authenticateUser(String userName, String password) {
        return Optional.ofNullable(usersByName.get(userName)).filter(user -> same(user.password(), password));
    }

    Optional<UaaUser> userById(String id) {
        return usersByName.values().stream().filter(user -> user.id().equals(id)).findFirst();
    }

    Optional<UaaUser> userByName(String userName) {
        return Optional.ofNullable(usersByName.get(userName));
    }

    List<UaaUser> users() {
        return List.copyOf(usersByName.values());
    }

    /** Adds a user with the default groups; empty when the user name is taken (UAA's names are unique per zone). */
    Optional<UaaUser> addUser(String userName, String password, String email) {
        UaaUser user = new UaaUser(UUID.randomUUID().toString(), userName, password, email, "uaa", NEW_USER_GROUPS);
        return usersByName.putIfAbsent(userName, user) == null ? Optional.of(user) : Optional.empty();
    }

    Optional<UaaUser> removeUser(String id) {
        Optional<UaaUser> user = userById(id);
        user.ifPresent(found -> usersByName.remove(found.userName(), found));
        return user;
    }

    /** Constant-time, so response timing does not reveal how much of a secret was right. */
    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
