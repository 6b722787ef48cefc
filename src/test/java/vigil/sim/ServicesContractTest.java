package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.sim.CloudControllerEndpointsTest.fieldNames;
import static vigil.sim.OrganizationsAndSpacesContractTest.assertError;
import static vigil.sim.OrganizationsAndSpacesContractTest.guidsOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;

/** User-provided service instances, app bindings, and what bound apps find in VCAP_SERVICES. */
class ServicesContractTest {

    @TempDir
    static Path workDir;
    private static CcFixture cc;
    private static String space;

    @BeforeAll
    static void start() throws IOException {
        cc = new CcFixture(workDir);
        space = cc.createSpace("space", cc.createOrg("org-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stop() {
        cc.close();
    }

    private static Reply createInstance(String name) {
        return cc.post("/v3/service_instances", "{\"type\":\"user-provided\",\"name\":\"" + name + "\","
                + "\"credentials\":{\"uri\":\"db://x\",\"password\":\"s3cret\"},\"tags\":[\"sql\"],"
                + "\"syslog_drain_url\":\"https://drain.example.com\","
                + "\"relationships\":{\"space\":{\"data\":{\"guid\":\"" + space + "\"}}}}");
    }

    private static Reply bind(String instance, String app) {
        return cc.post("/v3/service_credential_bindings", "{\"type\":\"app\",\"relationships\":{\"service_instance\":"
                + "{\"data\":{\"guid\":\"" + instance + "\"}},\"app\":{\"data\":{\"guid\":\"" + app + "\"}}}}");
    }

    @Test
    void userProvidedInstanceHidesCredentialsExceptAtItsCredentialsEndpoint() {
        Reply created = createInstance("db-shape");

        assertThat(created.status()).isEqualTo(201);
        JsonNode instance = created.json();
        assertThat(fieldNames(instance)).containsExactly("guid", "created_at", "updated_at", "name", "tags", "last_operation",
                "type", "syslog_drain_url", "route_service_url", "relationships", "metadata", "links");
        assertThat(instance.toString()).doesNotContain("s3cret");
        assertThat(instance.get("type").asText()).isEqualTo("user-provided");
        assertThat(instance.at("/last_operation/type").asText()).isEqualTo("create");
        assertThat(instance.at("/last_operation/state").asText()).isEqualTo("succeeded");
        String guid = instance.get("guid").asText();
        assertThat(cc.get("/v3/service_instances/" + guid + "/credentials").json().get("password").asText()).isEqualTo("s3cret");
        assertThat(guidsOf(cc.get("/v3/service_instances?names=db-shape&type=user-provided").json())).containsExactly(guid);
        assertError(createInstance("db-shape"), 422, "CF-UnprocessableEntity", 10008, "The service instance name is taken: db-shape.");

        Reply updated = cc.patch("/v3/service_instances/" + guid, "{\"credentials\":{\"password\":\"new\"}}");
        assertThat(updated.json().at("/last_operation/type").asText()).isEqualTo("update");
        assertThat(cc.get("/v3/service_instances/" + guid + "/credentials").json().get("password").asText()).isEqualTo("new");
        assertThat(cc.delete("/v3/service_instances/" + guid).status()).isEqualTo(204);
        assertError(cc.get("/v3/service_instances/" + guid), 404, "CF-ResourceNotFound", 10010, "Service instance not found");
    }

    @Test
    void bindingPutsTheInstanceIntoVcapServicesAndUnbindingTakesItOut() throws IOException {
        String app = cc.createApp("bound-app", space);
        String instance = createInstance("db-bound").json().get("guid").asText();

        Reply binding = bind(instance, app);
        assertThat(binding.status()).isEqualTo(201);
        assertThat(fieldNames(binding.json())).containsExactly("guid", "created_at", "updated_at", "name", "type",
                "last_operation", "metadata", "relationships", "links");
        String bindingGuid = binding.json().get("guid").asText();
        assertThat(guidsOf(cc.get("/v3/service_credential_bindings?app_guids=" + app).json())).containsExactly(bindingGuid);
        assertThat(cc.get("/v3/service_credential_bindings/" + bindingGuid + "/details").json().at("/credentials/password")
                .asText()).isEqualTo("s3cret");
        assertError(bind(instance, app), 422, "CF-UnprocessableEntity", 10008, "The app is already bound to the service instance");

        JsonNode entry = cc.get("/v3/apps/" + app + "/env").json().at("/system_env_json/VCAP_SERVICES/user-provided/0");
        assertThat(fieldNames(entry)).containsExactly("label", "name", "tags", "instance_guid", "instance_name",
                "binding_guid", "binding_name", "credentials", "syslog_drain_url", "volume_mounts");
        assertThat(entry.get("name").asText()).isEqualTo("db-bound");
        assertThat(entry.get("binding_guid").asText()).isEqualTo(bindingGuid);
        assertThat(entry.get("binding_name").isNull()).isTrue();
        assertThat(entry.at("/credentials/password").asText()).isEqualTo("s3cret");
        assertThat(entry.get("syslog_drain_url").asText()).isEqualTo("https://drain.example.com");

        assertThat(cc.delete("/v3/service_credential_bindings/" + bindingGuid).status()).isEqualTo(204);
        assertThat(cc.get("/v3/apps/" + app + "/env").json().at("/system_env_json/VCAP_SERVICES").isEmpty()).isTrue();
    }

    @Test
    void aRunningAppSeesANewBindingOnlyAfterRestart() throws IOException {
        String app = cc.createApp("restarted-app", space);
        cc.pushDroplet(app);
        cc.post("/v3/apps/" + app + "/actions/start", null);
        int desiresBefore = cc.runtime.desires.size();
        String instance = createInstance("db-restart").json().get("guid").asText();

        bind(instance, app);
        assertThat(cc.runtime.desires).hasSize(desiresBefore);
        cc.post("/v3/apps/" + app + "/actions/restart", null);

        JsonNode services = new ObjectMapper().readTree(cc.runtime.lastDesire().environment().get("VCAP_SERVICES"));
        assertThat(services.at("/user-provided/0/instance_guid").asText()).isEqualTo(instance);
        assertThat(services.at("/user-provided/0/credentials/uri").asText()).isEqualTo("db://x");
    }
}
