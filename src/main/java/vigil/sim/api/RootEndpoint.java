package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code GET /} (links to the APIs of this CF) and {@code GET /v3} (links to the v3 resources).
 * Both need no token. Clients find the UAA here: the cf CLI posts to {@code links.login + /oauth/token}.
 */
final class RootEndpoint {

    /** The v3 resources this sim serves, in CC's (alphabetical) order; grows with the sim. */
    private static final List<String> V3_RESOURCES = List.of("apps", "builds", "domains", "droplets", "info",
            "organizations", "packages", "processes", "resource_matches", "roles", "routes", "service_credential_bindings",
            "service_instances", "service_route_bindings", "spaces", "users");

    /**
     * Components CC links to, in CC's order; CC renders one as null when it is not configured, and
     * clients expect the keys. The sim runs a log-cache when it is given one.
     */
    private static final List<String> OPTIONAL_COMPONENTS = List.of("credhub", "routing", "logging", "log_cache",
            "log_stream");

    private final ApiUrlBuilder urls;
    private final URI uaaUrl;
    private final URI logCacheUrl;
    private final SshSettings ssh;
    /** The RLP gateway ({@code log_stream}), or null when there is none. */
    private final URI logStreamUrl;

    RootEndpoint(ApiUrlBuilder urls, URI uaaUrl, URI logCacheUrl, SshSettings ssh, URI logStreamUrl) {
        this.urls = urls;
        this.uaaUrl = uaaUrl;
        this.logCacheUrl = logCacheUrl;
        this.ssh = ssh;
        this.logStreamUrl = logStreamUrl;
    }

    Response globalRoot(Request request, SecurityContext security) {
        ObjectNode body = JsonWriter.object();
        ObjectNode links = body.putObject("links");
        links.putObject("self").put("href", urls.url());
        links.putObject("cloud_controller_v2")
             .put("href", urls.url("/v2"))
             .putObject("meta").put("version", ApiVersions.V2);
        links.putObject("cloud_controller_v3")
             .put("href", urls.url("/v3"))
             .putObject("meta").put("version", ApiVersions.V3);
        // The embedded UAA serves both the login and the uaa role, as one UAA does in cf-deployment.
        links.putObject("login").put("href", uaaUrl.toString());
        links.putObject("uaa").put("href", uaaUrl.toString());
        for (String component : OPTIONAL_COMPONENTS) {
            if (component.equals("log_cache") && logCacheUrl != null) {
                links.putObject(component).put("href", logCacheUrl.toString());
            } else if (component.equals("log_stream") && logStreamUrl != null) {
                links.putObject(component).put("href", logStreamUrl.toString());
            } else {
                links.putNull(component);
            }
        }
        // cf ssh: the SSH proxy's host:port, its host key's fingerprint and the UAA client its codes are for (the
        // cf CLI reads them here); CC renders the link with null values when it has no SSH proxy.
        ObjectNode appSsh = links.putObject("app_ssh");
        appSsh.put("href", ssh.proxy().map(SshSettings.Proxy::endpoint).orElse(null));
        appSsh.putObject("meta")
              .put("host_key_fingerprint", ssh.proxy().map(SshSettings.Proxy::hostKeyFingerprint).orElse(null))
              .put("oauth_client", ssh.proxy().map(SshSettings.Proxy::oauthClient).orElse(null));
        return Response.json(200, CcErrorResponse.V2_JSON, body);
    }

    Response v3Root(Request request, SecurityContext security) {
        ObjectNode body = JsonWriter.object();
        ObjectNode links = body.putObject("links");
        links.putObject("self").put("href", urls.url("/v3"));
        V3_RESOURCES.forEach(resource -> links.putObject(resource).put("href", urls.url("/v3/" + resource)));
        return Response.json(200, CcErrorResponse.V3_JSON, body);
    }
}
