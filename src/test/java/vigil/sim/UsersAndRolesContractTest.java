package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.sim.CloudControllerEndpointsTest.fieldNames;
import static vigil.sim.OrganizationsAndSpacesContractTest.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;

class UsersAndRolesContractTest {

    @TempDir
    static Path workDir;
    private static CcFixture cc;
    private static SimUsers users;

    @BeforeAll
    static void start() throws IOException {
        cc = new CcFixture(workDir);
        users = new SimUsers(cc);
    }

    @AfterAll
    static void stop() {
        cc.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void scimCreatesAUserWhoLogsInWithoutAdminScopes() throws ParseException {
        String name = unique("dev");
        Reply created = users.scimCreate(name, "pw-1", cc.token(""));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("userName").asText()).isEqualTo(name);
        assertThat(created.json().has("password")).isFalse();
        assertThat(fieldNames(created.json())).contains("id", "meta", "userName", "name", "emails", "active", "origin");
        Reply duplicate = users.scimCreate(name, "pw-2", cc.token(""));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("error").asText()).isEqualTo("scim_resource_already_exists");
        assertThat(duplicate.json().get("error_description").asText()).isEqualTo("Username already in use: " + name);

        Reply login = users.login(name, "pw-1");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("scope").asText().split(" "))
                .contains("cloud_controller.read", "cloud_controller.write", "openid", "uaa.user")
                .doesNotContain("cloud_controller.admin", "scim.write");
        assertThat(SignedJWT.parse(login.json().get("access_token").asText()).getJWTClaimsSet().getStringClaim("user_id"))
                .isEqualTo(created.json().get("id").asText());
        assertThat(users.login(name, "wrong").status()).isEqualTo(401);
        assertThat(users.scim("GET", "/Users?filter=" + java.net.URLEncoder.encode("userName eq \"" + name + "\"",
                java.nio.charset.StandardCharsets.UTF_8), cc.token("")).json().at("/resources/0/id").asText())
                .isEqualTo(created.json().get("id").asText());
    }

    @Test
    void scimNeedsAnAdminToken() {
        String name = unique("plain");
        users.scimCreate(name, "pw", cc.token(""));
        String userToken = users.token(name, "pw");

        assertThat(users.scimCreate(unique("other"), "pw", userToken).status()).isEqualTo(403);
        assertThat(users.scim("GET", "/Users", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void ccUserTakesItsNameFromUaaAndDeletingItIsAJob() {
        String name = unique("named");
        String guid = users.create(name, "pw");

        JsonNode user = cc.get("/v3/users/" + guid).json();
        assertThat(fieldNames(user)).containsExactly("guid", "created_at", "updated_at", "username", "presentation_name",
                "origin", "metadata", "links");
        assertThat(user.get("username").asText()).isEqualTo(name);
        assertThat(user.get("origin").asText()).isEqualTo("uaa");
        assertError(cc.post("/v3/users", "{\"guid\":\"" + guid + "\"}"), 422, "CF-UnprocessableEntity", 10008,
                "User with guid '" + guid + "' already exists.");
        assertThat(cc.get("/v3/users?usernames=" + name).json().get("resources")).hasSize(1);

        Reply delete = cc.delete("/v3/users/" + guid);
        assertThat(delete.status()).isEqualTo(202);
        assertThat(cc.awaitJob(delete).get("state").asText()).isEqualTo("COMPLETE");
        assertError(cc.get("/v3/users/" + guid), 404, "CF-ResourceNotFound", 10010, "User not found");
    }

    @Test
    void rolesAreCreatedListedAndDeletedWithCcsRules() {
        String org = cc.createOrg(unique("org"));
        String space = cc.createSpace("space", org);
        String name = unique("roles");
        String guid = users.create(name, "pw");

        assertError(users.assign("space_developer", guid, "space", space), 422, "CF-UnprocessableEntity", 10008,
                "Users cannot be assigned roles in a space if they do not have a role in that space's organization.");
        Reply orgRole = users.assign("organization_user", guid, "organization", org);
        assertThat(orgRole.status()).isEqualTo(201);
        assertThat(fieldNames(orgRole.json())).containsExactly("guid", "created_at", "updated_at", "type", "relationships", "links");
        assertThat(orgRole.json().at("/relationships/space/data").isNull()).isTrue();
        assertThat(orgRole.json().at("/relationships/organization/data/guid").asText()).isEqualTo(org);
        Reply spaceRole = users.assign("space_developer", guid, "space", space);
        assertThat(spaceRole.status()).isEqualTo(201);
        assertThat(spaceRole.json().at("/relationships/organization/data").isNull()).isTrue();
        assertThat(fieldNames(spaceRole.json().get("links"))).containsExactly("self", "user", "space");
        assertError(users.assign("space_developer", guid, "space", space), 422, "CF-UnprocessableEntity", 10008,
                "User '" + name + "' already has 'space_developer' role in space 'space'.");
        assertError(users.assign("space_boss", guid, "space", space), 422, "CF-UnprocessableEntity", 10008,
                "Type must be one of the allowed types [\"organization_auditor\", \"organization_manager\", "
                        + "\"organization_billing_manager\", \"organization_user\", \"space_auditor\", \"space_manager\", "
                        + "\"space_developer\", \"space_supporter\"]");

        assertThat(OrganizationsAndSpacesContractTest.guidsOf(cc.get("/v3/roles?user_guids=" + guid).json()))
                .containsExactly(orgRole.json().get("guid").asText(), spaceRole.json().get("guid").asText());
        assertError(cc.delete("/v3/roles/" + orgRole.json().get("guid").asText()), 422, "CF-UnprocessableEntity", 10008,
                "Cannot delete organization_user role while user has roles in spaces in that organization.");
        Reply delete = cc.delete("/v3/roles/" + spaceRole.json().get("guid").asText());
        assertThat(delete.status()).isEqualTo(202);
        cc.awaitJob(delete);
        assertError(cc.get("/v3/roles/" + spaceRole.json().get("guid").asText()), 404, "CF-ResourceNotFound", 10010,
                "Role not found");
    }
}
