package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import vigil.config.Secret;

/**
 * {@code cf ssh} the way the cf CLI does it, over nothing but CF's public APIs and SSH: where the SSH proxy is and
 * its host key's fingerprint from {@code GET /} ({@code links.app_ssh}), a one-time code from the UAA
 * ({@code GET /oauth/authorize?response_type=code&client_id=<app_ssh oauth_client>} with the user's token, answered
 * 302 with the code in {@code Location}), then an SSH login as {@code cf:<app guid>/<index>} with the code as
 * password. Also the switches {@code cf enable-ssh}, {@code cf disallow-space-ssh} and {@code cf ssh-enabled} use.
 */
public final class AppSsh {
    private final CfClient cf;
    private final CfHttp uaa;

    AppSsh(CfClient cf, CfHttp uaa) {
        this.cf = cf;
        this.uaa = uaa;
    }

    /** The SSH proxy this CF announces. */
    public SshEndpoint endpoint() {
        return SshEndpoint.fromRoot(cf.send("GET", "/", null).body(), "GET /");
    }

    /** A one-time code for the user this client speaks for ({@code cf ssh-code}). */
    public Secret oneTimeCode() {
        return oneTimeCode(endpoint());
    }

    private Secret oneTimeCode(SshEndpoint endpoint) {
        String header = cf.authorizationHeader();
        String path = "/oauth/authorize?response_type=code&client_id=" + endpoint.oauthClient();
        Response response = uaa.send("GET", path, request -> request.redirects().follow(false)
                .header("Authorization", header).accept(ContentType.JSON));
        String location = response.getHeader("Location");
        String code = location == null ? "" : codeOf(location);
        if (response.statusCode() != 302 || code.isEmpty()) {
            throw new IllegalStateException("UAA at " + uaa.baseUri() + " gave no one-time SSH code for client '"
                    + endpoint.oauthClient() + "': GET /oauth/authorize answered " + response.statusCode()
                    + (location == null ? " without a Location" : " with Location " + Redactor.text(location))
                    + " " + Redactor.body(response.asString()));
        }
        return new Secret(code);
    }

    private static String codeOf(String location) {
        String query = URI.create(location).getRawQuery();
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /**
     * Logs in to an instance of an app with a one-time code.
     *
     * @throws SshLoginRefusedException when the SSH proxy refuses
     */
    public SshSession logIn(String appGuid, int index, Secret code) {
        return SshSession.logIn(endpoint(), appGuid, index, code, cf.timeouts().route());
    }

    /** {@code cf enable-ssh} / {@code cf disable-ssh}: the app's {@code ssh} feature. */
    public void enableForApp(String appGuid, boolean enabled) {
        cf.patch("/v3/apps/" + appGuid + "/features/ssh", Map.of("enabled", enabled), JsonNode.class);
    }

    /** {@code cf allow-space-ssh} / {@code cf disallow-space-ssh}: the space's {@code ssh} feature. */
    public void allowForSpace(String spaceGuid, boolean allowed) {
        cf.patch("/v3/spaces/" + spaceGuid + "/features/ssh", Map.of("enabled", allowed), JsonNode.class);
    }

    /** {@code cf ssh-enabled}: whether SSH to the app is on at every level, and if not, why. */
    public SshEnabled enabled(String appGuid) {
        return cf.get("/v3/apps/" + appGuid + "/ssh_enabled", SshEnabled.class);
    }

    /** CC's answer to {@code GET /v3/apps/:guid/ssh_enabled}. */
    public record SshEnabled(boolean enabled, String reason) {
    }
}
