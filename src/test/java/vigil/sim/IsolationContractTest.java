package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.sim.OrganizationsAndSpacesContractTest.assertError;
import static vigil.sim.OrganizationsAndSpacesContractTest.guidsOf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;

/** A space developer in space A sees and changes only A; auditors read only; roles can be taken away. */
class IsolationContractTest {

    @TempDir
    static Path workDir;
    private static CcFixture cc;
    private static SimUsers users;
    private static String org;
    private static String spaceA;
    private static String spaceB;
    private static String appA;
    private static String appB;

    @BeforeAll
    static void start() throws IOException {
        cc = new CcFixture(workDir);
        users = new SimUsers(cc);
        org = cc.createOrg("org-" + UUID.randomUUID());
        spaceA = cc.createSpace("a", org);
        spaceB = cc.createSpace("b", org);
        appA = cc.createApp("app-a", spaceA);
        appB = cc.createApp("app-b", spaceB);
    }

    @AfterAll
    static void stop() {
        cc.close();
    }

    /** A fresh user with the given role in space A, logged in. */
    private static String userWithRoleInA(String type) {
        String name = type + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.spaceRole(type, users.create(name, "pw"), org, spaceA);
        return users.token(name, "pw");
    }

    @Test
    void spaceDeveloperSeesAndChangesOnlyTheirSpace() {
        String dev = userWithRoleInA("space_developer");

        assertThat(cc.send("GET", "/v3/apps/" + appA, null, dev).status()).isEqualTo(200);
        assertError(cc.send("GET", "/v3/apps/" + appB, null, dev), 404, "CF-ResourceNotFound", 10010, "App not found");
        assertError(cc.send("GET", "/v3/spaces/" + spaceB, null, dev), 404, "CF-ResourceNotFound", 10010, "Space not found");
        assertError(cc.send("DELETE", "/v3/apps/" + appB, null, dev), 404, "CF-ResourceNotFound", 10010, "App not found");
        Reply apps = cc.send("GET", "/v3/apps?per_page=1", null, dev);
        assertThat(guidsOf(apps.json())).containsExactly(appA);
        assertThat(apps.json().at("/pagination/total_results").asInt()).isEqualTo(1);
        assertThat(guidsOf(cc.send("GET", "/v3/spaces", null, dev).json())).containsExactly(spaceA);
        assertThat(guidsOf(cc.send("GET", "/v3/organizations", null, dev).json())).containsExactly(org);
        assertThat(guidsOf(cc.send("GET", "/v3/processes", null, dev).json())).containsExactly(appA);

        assertThat(cc.send("POST", "/v3/apps/" + appA + "/processes/web/actions/scale", "{\"instances\":2}", dev).status())
                .isEqualTo(202);
        assertThat(cc.send("PATCH", "/v3/apps/" + appA + "/environment_variables", "{\"var\":{\"A\":\"1\"}}", dev).status())
                .isEqualTo(200);
        assertThat(cc.send("POST", "/v3/apps", "{\"name\":\"made-by-dev\",\"relationships\":{\"space\":{\"data\":{\"guid\":\""
                + spaceA + "\"}}}}", dev).status()).isEqualTo(201);
        assertError(cc.send("POST", "/v3/apps", "{\"name\":\"sneaky\",\"relationships\":{\"space\":{\"data\":{\"guid\":\""
                + spaceB + "\"}}}}", dev), 422, "CF-UnprocessableEntity", 10008,
                "Invalid space. Ensure that the space exists and you have access to it.");
        assertError(cc.send("POST", "/v3/organizations", "{\"name\":\"dev-org\"}", dev), 403, "CF-NotAuthorized", 10003,
                "You are not authorized to perform the requested action");
    }

    @Test
    void spaceAuditorReadsButCannotChange() {
        String auditor = userWithRoleInA("space_auditor");

        assertThat(cc.send("GET", "/v3/apps/" + appA, null, auditor).status()).isEqualTo(200);
        assertError(cc.send("POST", "/v3/apps/" + appA + "/processes/web/actions/scale", "{\"instances\":3}", auditor),
                403, "CF-NotAuthorized", 10003, "You are not authorized to perform the requested action");
        assertError(cc.send("PATCH", "/v3/apps/" + appA, "{\"name\":\"renamed\"}", auditor), 403, "CF-NotAuthorized", 10003, null);
        assertError(cc.send("GET", "/v3/apps/" + appA + "/env", null, auditor), 403, "CF-NotAuthorized", 10003, null);
        assertError(cc.send("POST", "/v3/apps", "{\"name\":\"by-auditor\",\"relationships\":{\"space\":{\"data\":{\"guid\":\""
                + spaceA + "\"}}}}", auditor), 403, "CF-NotAuthorized", 10003, null);
    }

    @Test
    void removingTheRoleRemovesAccess() {
        String name = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
        String guid = users.create(name, "pw");
        String role = users.spaceRole("space_developer", guid, org, spaceA);
        String token = users.token(name, "pw");
        assertThat(cc.send("GET", "/v3/apps/" + appA, null, token).status()).isEqualTo(200);

        cc.awaitJob(cc.delete("/v3/roles/" + role));

        assertError(cc.send("GET", "/v3/apps/" + appA, null, token), 404, "CF-ResourceNotFound", 10010, "App not found");
        assertThat(guidsOf(cc.send("GET", "/v3/apps", null, token).json())).isEmpty();
    }

    @Test
    void requestsWithoutATokenAreNotAuthenticated() {
        assertError(cc.send("GET", "/v3/apps/" + appA, null, "") , 401, "CF-InvalidAuthToken", 1000, null);
        HttpProbe.Reply anonymous = new HttpProbe().get(java.net.URI.create(cc.api + "/v3/apps/" + appA));
        assertError(anonymous, 401, "CF-NotAuthenticated", 10002, "Authentication error");
    }

    @Test
    void theSkipAuthorizationFaultLetsADeveloperSeeOtherSpaces() {
        String dev = userWithRoleInA("space_developer");
        cc.cc.skipAuthorizationForTests(true);
        try {
            assertThat(cc.send("GET", "/v3/apps/" + appB, null, dev).status()).isEqualTo(200);
            assertThat(guidsOf(cc.send("GET", "/v3/spaces", null, dev).json())).contains(spaceA, spaceB);
        } finally {
            cc.cc.skipAuthorizationForTests(false);
        }
        assertThat(cc.send("GET", "/v3/apps/" + appB, null, dev).status()).isEqualTo(404);
    }
}
