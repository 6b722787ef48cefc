package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;

/** Who may write network policies: a space developer between apps of their spaces only; without a token, nobody. */
class NetworkPoliciesContractTest {
    private static final String PATH = "/networking/v1/external/policies";

    @TempDir
    static Path workDir;
    private static CcFixture cc;
    private static SimUsers users;
    private static String appA1;
    private static String appA2;
    private static String appB;
    private static String developerOfA;

    @BeforeAll
    static void start() throws IOException {
        cc = new CcFixture(workDir);
        users = new SimUsers(cc);
        String org = cc.createOrg("org-" + UUID.randomUUID());
        String spaceA = cc.createSpace("a", org);
        String spaceB = cc.createSpace("b", org);
        appA1 = cc.createApp("a1", spaceA);
        appA2 = cc.createApp("a2", spaceA);
        appB = cc.createApp("b", spaceB);
        users.spaceRole("space_developer", users.create("net-dev", "pw"), org, spaceA);
        developerOfA = users.token("net-dev", "pw");
    }

    @AfterAll
    static void stop() {
        cc.close();
    }

    @Test
    void aSpaceDeveloperWritesPoliciesBetweenAppsOfTheirSpace() {
        assertThat(cc.send("POST", PATH, policy(appA1, appA2), developerOfA).status()).isEqualTo(200);
        assertThat(cc.send("POST", PATH + "/delete", policy(appA1, appA2), developerOfA).status()).isEqualTo(200);
    }

    @Test
    void anAppOfAnotherSpaceCannotBeNamed() {
        Reply refused = cc.send("POST", PATH, policy(appA1, appB), developerOfA);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText())
                .isEqualTo("policies-create: one or more applications cannot be found or accessed");
        assertThat(cc.get(PATH + "?id=" + appB).json().get("total_policies").asInt()).isZero();
    }

    @Test
    void noTokenNoPolicy() {
        assertThat(cc.send("POST", PATH, policy(appA1, appA2), "not-a-token").status()).isEqualTo(401);
    }

    private static String policy(String source, String destination) {
        return "{\"policies\":[{\"source\":{\"id\":\"" + source + "\"},\"destination\":{\"id\":\"" + destination
                + "\",\"protocol\":\"tcp\",\"ports\":{\"start\":8080,\"end\":8080}}}]}";
    }
}
