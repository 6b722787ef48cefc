package vigil.sim.api;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether {@code cf ssh} may reach an app, at CC's three levels: globally (this CF runs an SSH proxy, which
 * {@link #proxy} announces), per space ({@code allow_ssh}, on by default) and per app ({@code enable_ssh}, on by
 * default, as cf-deployment's {@code default_app_ssh_access}). Thread-safe. A deleted space's setting is left
 * behind (a guid is never reused); a deleted app's is forgotten with it.
 */
final class SshSettings {

    /** Where the SSH proxy is, as {@code GET /} and {@code GET /v2/info} announce it. */
    record Proxy(String endpoint, String hostKeyFingerprint, String oauthClient) {
    }

    private volatile Proxy proxy;
    private final Set<String> appsDisabled = ConcurrentHashMap.newKeySet();
    private final Set<String> spacesDisallowed = ConcurrentHashMap.newKeySet();

    void proxy(Proxy announced) {
        proxy = announced;
    }

    /** Empty while this CF has no SSH proxy: CC's {@code allow_app_ssh_access} is off then. */
    Optional<Proxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    boolean appEnabled(String appGuid) {
        return !appsDisabled.contains(appGuid);
    }

    void appEnabled(String appGuid, boolean enabled) {
        if (enabled) {
            appsDisabled.remove(appGuid);
        } else {
            appsDisabled.add(appGuid);
        }
    }

    boolean spaceAllowed(String spaceGuid) {
        return !spacesDisallowed.contains(spaceGuid);
    }

    void spaceAllowed(String spaceGuid, boolean allowed) {
        if (allowed) {
            spacesDisallowed.remove(spaceGuid);
        } else {
            spacesDisallowed.add(spaceGuid);
        }
    }

    void forgetApp(String appGuid) {
        appsDisabled.remove(appGuid);
    }

    /** Why SSH to the app is off, in CC's words ({@code ssh_enabled.reason}); empty when it is on at every level. */
    Optional<String> disabledReason(App app, Space space) {
        if (proxy == null) {
            return Optional.of("ssh is disabled globally");
        }
        if (!spaceAllowed(space.guid())) {
            return Optional.of("ssh is disabled for space '" + space.name() + "'");
        }
        if (!appEnabled(app.guid())) {
            return Optional.of("ssh is disabled for app");
        }
        return Optional.empty();
    }
}
