package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.sim.CloudControllerEndpointsTest.fieldNames;
import static vigil.sim.OrganizationsAndSpacesContractTest.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;

/**
 * CF's HTTP side of {@code cf ssh}, as the cf CLI and Diego's SSH proxy use it: where the proxy is (GET / and
 * /v2/info), one-time codes from UAA's authorize endpoint and their single redemption by the {@code ssh-proxy}
 * client, the app and space {@code ssh} features, {@code ssh_enabled}, and the proxy's access check.
 */
class SshContractTest {

    private static final String FINGERPRINT = "VcjOLRgzLLJUoEbkv4gbf4E5PWK7TkKbC/ygA0FTyDo";

    @TempDir
    static Path workDir;
    private static CcFixture cc;
    private static SimUsers users;
    private static String org;
    private static String space;
    private static final HttpProbe http = new HttpProbe();

    @BeforeAll
    static void start() throws IOException {
        cc = new CcFixture(workDir);
        users = new SimUsers(cc);
        org = cc.createOrg("ssh-org-" + UUID.randomUUID());
        space = cc.createSpace("ssh-space", org);
        cc.cc.appSsh("127.0.0.1:2222", FINGERPRINT, "ssh-proxy");
    }

    @AfterAll
    static void stop() {
        cc.close();
    }

    @Test
    void rootAndV2InfoAnnounceTheSshProxy() {
        JsonNode appSsh = cc.get("/").json().at("/links/app_ssh");
        assertThat(appSsh.get("href").asText()).isEqualTo("127.0.0.1:2222");
        assertThat(appSsh.at("/meta/host_key_fingerprint").asText()).isEqualTo(FINGERPRINT);
        assertThat(appSsh.at("/meta/oauth_client").asText()).isEqualTo("ssh-proxy");
        JsonNode info = cc.get("/v2/info").json();
        assertThat(info.get("app_ssh_endpoint").asText()).isEqualTo("127.0.0.1:2222");
        assertThat(info.get("app_ssh_host_key_fingerprint").asText()).isEqualTo(FINGERPRINT);
        assertThat(info.get("app_ssh_oauth_client").asText()).isEqualTo("ssh-proxy");
    }

    @Test
    void authorizeAnswers302WithACodeThatTheSshProxyRedeemsOnce() {
        Reply authorize = authorize(cc.token(""), "ssh-proxy");
        assertThat(authorize.status()).isEqualTo(302);
        String location = authorize.header("Location");
        assertThat(location).startsWith(cc.uaa.uri() + "/login?code=");
        String code = URI.create(location).getQuery().substring("code=".length());
        assertThat(code).matches("[A-Za-z0-9]{10}");

        Reply wrongClient = redeem(code, "cf", "");
        assertThat(wrongClient.status()).as("the cf client may not redeem codes").isIn(400, 401);
        Reply token = redeem(code, "ssh-proxy", cc.uaa.sshProxyClient().secret());
        assertThat(token.status()).as(token.raw().body()).isEqualTo(200);
        assertThat(token.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.json().has("refresh_token")).as("ssh-proxy has no refresh_token grant").isFalse();
        assertThat(token.json().get("scope").asText().split(" ")).contains("cloud_controller.read", "cloud_controller.write");

        Reply again = redeem(code, "ssh-proxy", cc.uaa.sshProxyClient().secret());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void authorizeRefusesWithoutAUserTokenOrForAnUnknownClientOrResponseType() {
        assertThat(http.get(authorizeUri("ssh-proxy")).status()).isEqualTo(401);
        assertThat(authorize(cc.token(""), "no-such-client").status()).isEqualTo(400);
        Reply token = http.get(URI.create(cc.uaa.uri() + "/oauth/authorize?response_type=token&client_id=ssh-proxy"),
                "Authorization", "bearer " + cc.token(""));
        assertThat(token.json().get("error").asText()).isEqualTo("unsupported_response_type");
    }

    @Test
    void appAndSpaceFeaturesSwitchSshAndSshEnabledSaysWhy() {
        String app = cc.createApp("features-" + UUID.randomUUID().toString().substring(0, 8), space);
        JsonNode feature = cc.get("/v3/apps/" + app + "/features/ssh").json();
        assertThat(fieldNames(feature)).containsExactly("name", "description", "enabled");
        assertThat(feature.get("enabled").asBoolean()).isTrue();
        assertThat(cc.get("/v3/apps/" + app + "/ssh_enabled").json().toString())
                .isEqualTo("{\"enabled\":true,\"reason\":\"\"}");

        assertThat(cc.patch("/v3/apps/" + app + "/features/ssh", "{\"enabled\":false}").json().get("enabled").asBoolean())
                .isFalse();
        assertThat(cc.get("/v3/apps/" + app + "/ssh_enabled").json().get("reason").asText()).isEqualTo("ssh is disabled for app");
        assertError(cc.patch("/v3/apps/" + app + "/features/ssh", "{\"enabled\":\"no\",\"x\":1}"), 422,
                "CF-UnprocessableEntity", 10008, "Unknown field(s): 'x', Enabled must be a boolean");
        cc.patch("/v3/apps/" + app + "/features/ssh", "{\"enabled\":true}");

        String spaceName = "ssh-space-off-" + UUID.randomUUID();
        String otherSpace = cc.createSpace(spaceName, org);
        String appInOther = cc.createApp("in-other", otherSpace);
        JsonNode spaceFeature = cc.patch("/v3/spaces/" + otherSpace + "/features/ssh", "{\"enabled\":false}").json();
        assertThat(spaceFeature.toString())
                .isEqualTo("{\"name\":\"ssh\",\"description\":\"Enable SSHing into apps in the space.\",\"enabled\":false}");
        assertThat(cc.get("/v3/spaces/" + otherSpace + "/features").json().at("/resources/0/enabled").asBoolean()).isFalse();
        assertThat(cc.get("/v3/apps/" + appInOther + "/ssh_enabled").json().get("reason").asText())
                .isEqualTo("ssh is disabled for space '" + spaceName + "'");
        assertError(cc.get("/v3/spaces/" + otherSpace + "/features/bogus"), 404, "CF-ResourceNotFound", 10010,
                "Feature not found");
    }

    @Test
    void sshAccessLetsSpaceDevelopersAndAdminsInWhileSshIsEnabled() {
        String app = cc.createApp("access-" + UUID.randomUUID().toString().substring(0, 8), space);
        String developer = user("space_developer");
        String auditor = user("space_auditor");
        String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(stranger, "pw-" + stranger);

        Reply admin = access(app, cc.token(""));
        assertThat(admin.status()).as(admin.raw().body()).isEqualTo(200);
        String processGuid = cc.get("/v3/apps/" + app + "/processes/web").json().get("guid").asText();
        assertThat(admin.json().get("process_guid").asText()).startsWith(processGuid + "-");
        assertThat(access(app, users.token(developer, "pw-" + developer)).status()).isEqualTo(200);

        Reply auditorAccess = access(app, users.token(auditor, "pw-" + auditor));
        assertThat(auditorAccess.status()).isEqualTo(403);
        assertThat(auditorAccess.json().get("error_code").asText()).isEqualTo("CF-NotAuthorized");
        Reply strangerAccess = access(app, users.token(stranger, "pw-" + stranger));
        assertThat(strangerAccess.status()).isEqualTo(404);
        assertThat(strangerAccess.json().get("error_code").asText()).isEqualTo("CF-AppNotFound");

        cc.patch("/v3/apps/" + app + "/features/ssh", "{\"enabled\":false}");
        Reply disabled = access(app, users.token(developer, "pw-" + developer));
        assertThat(disabled.status()).isEqualTo(400);
        assertThat(fieldNames(disabled.json())).containsExactly("description", "error_code", "code");
        assertThat(disabled.json().get("error_code").asText()).isEqualTo("CF-InvalidRequest");
    }

    @Test
    void onlyManagersChangeASpacesSshFeature() {
        String developer = user("space_developer");
        Reply refused = cc.send("PATCH", "/v3/spaces/" + space + "/features/ssh", "{\"enabled\":false}",
                users.token(developer, "pw-" + developer));
        assertError(refused, 403, "CF-NotAuthorized", 10003, null);
        assertThat(cc.get("/v3/spaces/" + space + "/features/ssh").json().get("enabled").asBoolean()).isTrue();
    }

    private static String user(String spaceRole) {
        String name = spaceRole + "-" + UUID.randomUUID().toString().substring(0, 8);
        String guid = users.create(name, "pw-" + name);
        users.spaceRole(spaceRole, guid, org, space);
        return name;
    }

    private static URI authorizeUri(String client) {
        return URI.create(cc.uaa.uri() + "/oauth/authorize?response_type=code&client_id=" + client);
    }

    private static Reply authorize(String token, String client) {
        return http.get(authorizeUri(client), "Authorization", "bearer " + token);
    }

    private static Reply redeem(String code, String client, String secret) {
        return http.postForm(cc.uaa.uri().resolve("/oauth/token"), Map.of("grant_type", "authorization_code",
                "code", code), client, secret);
    }

    private static Reply access(String app, String token) {
        return http.get(URI.create(cc.api + "/internal/apps/" + app + "/ssh_access/0"), "Authorization", "bearer " + token);
    }
}
