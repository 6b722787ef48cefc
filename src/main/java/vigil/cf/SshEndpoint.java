package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where {@code cf ssh} connects and how it checks and logs in, as the CF API announces it in {@code GET /}
 * ({@code links.app_ssh}, which the cf CLI reads; {@code GET /v2/info} has the same as {@code app_ssh_*}).
 *
 * @param address            {@code host:port} of the SSH proxy
 * @param hostKeyFingerprint the proxy's host key fingerprint, in one of the forms the cf CLI accepts
 * @param oauthClient        the UAA client one-time codes are asked for ({@code ssh-proxy} in cf-deployment)
 */
public record SshEndpoint(String address, String hostKeyFingerprint, String oauthClient) {

    static SshEndpoint fromRoot(JsonNode root, String request) {
        JsonNode appSsh = root.path("links").path("app_ssh");
        String address = appSsh.path("href").asText("");
        if (address.isEmpty()) {
            throw new IllegalStateException(request + " has no links.app_ssh.href: this CF offers no SSH access to apps"
                    + " (SSH is off globally); run the @ssh scenarios only where it is on (include_ssh)");
        }
        return new SshEndpoint(address, appSsh.path("meta").path("host_key_fingerprint").asText(""),
                appSsh.path("meta").path("oauth_client").asText(""));
    }

    /** The host part of {@link #address}. */
    public String host() {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(0, colon).replace("[", "").replace("]", "");
    }

    /** The port part of {@link #address}; SSH's 22 when none is given. */
    public int port() {
        int colon = address.lastIndexOf(':');
        return colon < 0 || address.endsWith("]") ? 22 : Integer.parseInt(address.substring(colon + 1));
    }
}
