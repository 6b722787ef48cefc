package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code GET /v3/info} and {@code GET /v2/info}, both without a token. cf-java-client finds the
 * UAA through {@code authorization_endpoint} in {@code /v2/info}, so that one matters even for
 * v3-only clients. Fields CC leaves unconfigured render as CC renders them ("" in v3, null in v2).
 */
final class InfoEndpoint {

    static final String NAME = "vigil-sim";
    static final String BUILD = "vigil-sim";
    static final String DESCRIPTION = "Vigil's embedded Cloud Foundry";
    static final int VERSION = 0;

    private final ApiUrlBuilder urls;
    private final URI uaaUrl;
    private final CcFaults faults;
    private final SshSettings ssh;

    InfoEndpoint(ApiUrlBuilder urls, URI uaaUrl, CcFaults faults, SshSettings ssh) {
        this.urls = urls;
        this.uaaUrl = uaaUrl;
        this.faults = faults;
        this.ssh = ssh;
    }

    Response v3Info(Request request, SecurityContext security) {
        if (faults.takeV3InfoFailure()) {
            throw CcError.UNKNOWN_ERROR.raise();
        }
        ObjectNode body = JsonWriter.object();
        body.put("build", BUILD);
        body.putObject("cli_version").put("minimum", "").put("recommended", "");
        body.putObject("custom");
        body.put("description", DESCRIPTION);
        body.put("name", NAME);
        body.put("version", VERSION);
        body.put("osbapi_version", ApiVersions.OSBAPI);
        // The sim does not rate-limit; CC reports its configured defaults with enabled false.
        body.putObject("rate_limits")
            .put("enabled", false)
            .put("general_limit", 2000)
            .put("reset_interval_in_minutes", 30);
        ObjectNode links = body.putObject("links");
        links.putObject("self").put("href", urls.url("/v3/info"));
        links.putObject("support").put("href", "");
        return Response.json(200, CcErrorResponse.V3_JSON, body);
    }

    Response v2Info(Request request, SecurityContext security) {
        ObjectNode body = JsonWriter.object();
        body.put("name", NAME);
        body.put("build", BUILD);
        body.putNull("support");
        body.put("version", VERSION);
        body.put("description", DESCRIPTION);
        body.put("authorization_endpoint", uaaUrl.toString());
        body.put("token_endpoint", uaaUrl.toString());
        body.putNull("min_cli_version");
        body.putNull("min_recommended_cli_version");
        // Where cf ssh connects (CATS reads it here; the cf CLI reads the same from GET /, links.app_ssh).
        body.put("app_ssh_endpoint", ssh.proxy().map(SshSettings.Proxy::endpoint).orElse(null));
        body.put("app_ssh_host_key_fingerprint", ssh.proxy().map(SshSettings.Proxy::hostKeyFingerprint).orElse(null));
        body.put("app_ssh_oauth_client", ssh.proxy().map(SshSettings.Proxy::oauthClient).orElse(null));
        body.putNull("doppler_logging_endpoint");
        body.put("api_version", ApiVersions.V2);
        body.put("osbapi_version", ApiVersions.OSBAPI);
        // CC names the caller when the request carries a valid token; an invalid one is ignored here.
        security.caller().ifPresent(caller -> body.put("user", caller.guid()));
        return Response.json(200, CcErrorResponse.V2_JSON, body);
    }
}
