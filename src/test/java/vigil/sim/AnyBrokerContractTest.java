package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.sim.CloudControllerEndpointsTest.fieldNames;
import static vigil.sim.OrganizationsAndSpacesContractTest.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;

/**
 * Any Open Service Broker API 2.15 broker, not only Vigil's own, can be registered with the embedded CF and
 * driven through CC v3: the broker here is a few lines of JDK HttpServer written for this test (not the test
 * app's broker), and it records what CC sent it, so the test also checks the OSBAPI side: basic auth, the API
 * version header, {@code accepts_incomplete}, the {@code operation} on polls, the ids on unbind and
 * deprovision, and their order.
 */
class AnyBrokerContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "broker-user";
    private static final String PASSWORD = "broker-" + UUID.randomUUID();

    @TempDir
    static Path workDir;
    private static CcFixture cc;
    private static String space;
    private static HttpServer broker;
    private static final List<String> seen = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        cc = new CcFixture(workDir);
        space = cc.createSpace("space", cc.createOrg("org-" + UUID.randomUUID()));
        broker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        broker.createContext("/", AnyBrokerContractTest::serveBroker);
        broker.start();
    }

    @AfterAll
    static void stop() {
        broker.stop(0);
        cc.close();
    }

    /**
     * A minimal OSBAPI broker: one offering, plans "slow" (async) and "broken" (500), keys with fixed credentials.
     * Each registration uses its own URL prefix ({@code /b1}), which prefixes its catalog ids: CC wants service
     * ids unique among all brokers.
     */
    private static void serveBroker(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String fullPath = exchange.getRequestURI().getPath();
        String prefix = fullPath.split("/")[1];
        String path = fullPath.substring(prefix.length() + 1);
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        seen.add(method + " " + fullPath + "?" + query + " version=" + exchange.getRequestHeaders().getFirst("X-Broker-API-Version"));
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        int status;
        String answer;
        if (!expected.equals(auth)) {
            status = 401;
            answer = "{}";
        } else if (path.equals("/v2/catalog")) {
            status = 200;
            answer = ("{\"services\":[{\"id\":\"P-svc\",\"name\":\"any-db\",\"description\":\"d\",\"bindable\":true,"
                    + "\"tags\":[\"t\"],\"metadata\":{\"shareable\":true},\"plans\":[{\"id\":\"P-slow\",\"name\":\"slow\","
                    + "\"description\":\"async\"},{\"id\":\"P-broken\",\"name\":\"broken\",\"description\":\"fails\"}]}]}")
                    .replace("P-", prefix + "-");
        } else if (path.endsWith("/last_operation")) {
            status = 200;
            answer = polls.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet() < 3 ? "{\"state\":\"in progress\"}" : "{\"state\":\"succeeded\",\"description\":\"ready\"}";
        } else if (method.equals("PUT") && path.contains("/service_bindings/")) {
            status = 201;
            answer = "{\"credentials\":{\"host\":\"any.example\",\"password\":\"key-secret\"}}";
        } else if (method.equals("PUT")) {
            JsonNode request = JSON.readTree(body);
            boolean broken = request.path("plan_id").asText().endsWith("-broken");
            status = broken ? 500 : 202;
            answer = broken ? "{\"description\":\"no capacity left\"}" : "{\"operation\":\"op-42\"}";
        } else {
            status = 200;
            answer = "{}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    private static Reply register(String name, String password) {
        String url = "http://127.0.0.1:" + broker.getAddress().getPort() + "/" + name;
        return cc.post("/v3/service_brokers", "{\"name\":\"" + name + "\",\"url\":\"" + url + "\","
                + "\"authentication\":{\"type\":\"basic\",\"credentials\":{\"username\":\"" + USER + "\",\"password\":\""
                + password + "\"}},\"relationships\":{\"space\":{\"data\":{\"guid\":\"" + space + "\"}}}}");
    }

    @Test
    void aForeignBrokerIsRegisteredAndDrivenThroughAsyncProvisionKeyAndDelete() {
        Reply registered = register("any-broker", PASSWORD);
        assertThat(registered.status()).isEqualTo(202);
        assertThat(cc.awaitJob(registered).path("state").asText()).isEqualTo("COMPLETE");
        assertThat(seen).anyMatch(request -> request.startsWith("GET /any-broker/v2/catalog") && request.endsWith("version=2.15"));
        JsonNode brokerResource = cc.get("/v3/service_brokers?names=any-broker").json().at("/resources/0");
        assertThat(fieldNames(brokerResource)).containsExactly("guid", "name", "url", "created_at", "updated_at",
                "relationships", "metadata", "links");
        assertThat(brokerResource.toString()).doesNotContain(PASSWORD);
        String brokerGuid = brokerResource.path("guid").asText();
        JsonNode offering = cc.get("/v3/service_offerings?service_broker_guids=" + brokerGuid).json().at("/resources/0");
        assertThat(offering.path("name").asText()).isEqualTo("any-db");
        assertThat(offering.path("shareable").asBoolean()).isTrue();
        JsonNode plan = cc.get("/v3/service_plans?names=slow&service_offering_guids=" + offering.path("guid").asText())
                .json().at("/resources/0");
        assertThat(plan.path("visibility_type").asText()).isEqualTo("space");
        assertThat(cc.get("/v3/service_plans/" + plan.path("guid").asText() + "/visibility").json().at("/space/guid").asText())
                .isEqualTo(space);

        Reply provision = cc.post("/v3/service_instances", "{\"type\":\"managed\",\"name\":\"any-1\",\"relationships\":"
                + "{\"space\":{\"data\":{\"guid\":\"" + space + "\"}},\"service_plan\":{\"data\":{\"guid\":\""
                + plan.path("guid").asText() + "\"}}}}");
        assertThat(provision.status()).isEqualTo(202);
        JsonNode instance = cc.get("/v3/service_instances?names=any-1").json().at("/resources/0");
        String instanceGuid = instance.path("guid").asText();
        assertThat(instance.at("/last_operation/state").asText()).isEqualTo("in progress");
        assertThat(cc.awaitJob(provision).path("state").asText()).isEqualTo("COMPLETE");
        instance = cc.get("/v3/service_instances/" + instanceGuid).json();
        assertThat(instance.at("/last_operation/state").asText()).isEqualTo("succeeded");
        assertThat(instance.at("/last_operation/description").asText()).isEqualTo("ready");
        assertThat(fieldNames(instance)).containsExactly("guid", "created_at", "updated_at", "name", "tags",
                "last_operation", "type", "maintenance_info", "upgrade_available", "dashboard_url", "relationships",
                "metadata", "links");
        assertThat(seen).anyMatch(request -> request.startsWith("PUT /any-broker/v2/service_instances/" + instanceGuid
                + "?accepts_incomplete=true"));
        assertThat(seen).filteredOn(request -> request.startsWith("GET /any-broker/") && request.contains("/last_operation"))
                .isNotEmpty()
                .allMatch(request -> request.contains("operation=op-42") && request.contains("service_id=any-broker-svc")
                        && request.contains("plan_id=any-broker-slow"));

        Reply key = cc.post("/v3/service_credential_bindings", "{\"type\":\"key\",\"name\":\"k1\",\"relationships\":"
                + "{\"service_instance\":{\"data\":{\"guid\":\"" + instanceGuid + "\"}}}}");
        assertThat(key.status()).isEqualTo(202);
        assertThat(cc.awaitJob(key).path("state").asText()).isEqualTo("COMPLETE");
        JsonNode keyResource = cc.get("/v3/service_credential_bindings?type=key&names=k1").json().at("/resources/0");
        String keyGuid = keyResource.path("guid").asText();
        assertThat(keyResource.path("type").asText()).isEqualTo("key");
        assertThat(keyResource.at("/relationships/app").isMissingNode()).isTrue();
        assertThat(cc.get("/v3/service_credential_bindings/" + keyGuid + "/details").json().at("/credentials/password")
                .asText()).isEqualTo("key-secret");

        assertError(cc.delete("/v3/service_brokers/" + brokerGuid), 422, "CF-UnprocessableEntity", 10008,
                "Can not remove brokers that have associated service instances: any-1");
        Reply deprovision = cc.delete("/v3/service_instances/" + instanceGuid);
        assertThat(deprovision.status()).isEqualTo(202);
        assertThat(cc.awaitJob(deprovision).path("state").asText()).isEqualTo("COMPLETE");
        int unbind = indexOf("DELETE /any-broker/v2/service_instances/" + instanceGuid + "/service_bindings/" + keyGuid);
        int deprovisioned = indexOf("DELETE /any-broker/v2/service_instances/" + instanceGuid + "?");
        assertThat(unbind).as("the key unbound before the instance was deprovisioned: %s", seen)
                .isNotNegative().isLessThan(deprovisioned);
        assertThat(seen.get(unbind)).contains("service_id=any-broker-svc").contains("plan_id=any-broker-slow");
        assertThat(seen.get(deprovisioned)).contains("service_id=any-broker-svc").contains("plan_id=any-broker-slow")
                .contains("accepts_incomplete=true");
        assertError(cc.get("/v3/service_instances/" + instanceGuid), 404, "CF-ResourceNotFound", 10010,
                "Service instance not found");

        Reply deleted = cc.delete("/v3/service_brokers/" + brokerGuid);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(cc.awaitJob(deleted).path("state").asText()).isEqualTo("COMPLETE");
        assertThat(cc.get("/v3/service_offerings?service_broker_guids=" + brokerGuid).json()
                .at("/pagination/total_results").asInt()).isZero();
    }

    @Test
    void aBrokerThatFailsToProvisionLeavesTheInstanceFailedWithItsDescription() {
        Reply registered = register("any-broker-2", PASSWORD);
        cc.awaitJob(registered);
        String brokerGuid = cc.get("/v3/service_brokers?names=any-broker-2").json().at("/resources/0/guid").asText();
        String offering = cc.get("/v3/service_offerings?service_broker_guids=" + brokerGuid).json()
                .at("/resources/0/guid").asText();
        String plan = cc.get("/v3/service_plans?names=broken&service_offering_guids=" + offering).json()
                .at("/resources/0/guid").asText();

        Reply provision = cc.post("/v3/service_instances", "{\"type\":\"managed\",\"name\":\"any-2\",\"relationships\":"
                + "{\"space\":{\"data\":{\"guid\":\"" + space + "\"}},\"service_plan\":{\"data\":{\"guid\":\"" + plan + "\"}}}}");
        JsonNode job = cc.awaitJob(provision);

        assertThat(job.path("state").asText()).isEqualTo("FAILED");
        assertThat(job.at("/errors/0/title").asText()).isEqualTo("CF-ServiceBrokerBadResponse");
        JsonNode instance = cc.get("/v3/service_instances?names=any-2").json().at("/resources/0");
        assertThat(instance.at("/last_operation/type").asText()).isEqualTo("create");
        assertThat(instance.at("/last_operation/state").asText()).isEqualTo("failed");
        assertThat(instance.at("/last_operation/description").asText()).isEqualTo("Service broker error: no capacity left");
    }

    @Test
    void aBrokerThatRefusesTheCredentialsFailsTheRegistrationJob() {
        Reply registered = register("any-broker-3", "wrong-password");

        JsonNode job = cc.awaitJob(registered);

        assertThat(job.path("state").asText()).isEqualTo("FAILED");
        assertThat(job.at("/errors/0/detail").asText()).contains("401");
        assertThat(job.toString()).doesNotContain("wrong-password");
    }

    @Test
    void aManagedInstanceIsSharedToAnotherSpaceAndUnshared() {
        cc.awaitJob(register("any-broker-4", PASSWORD));
        String brokerGuid = cc.get("/v3/service_brokers?names=any-broker-4").json().at("/resources/0/guid").asText();
        String offering = cc.get("/v3/service_offerings?service_broker_guids=" + brokerGuid).json()
                .at("/resources/0/guid").asText();
        String plan = cc.get("/v3/service_plans?names=slow&service_offering_guids=" + offering).json()
                .at("/resources/0/guid").asText();
        Reply provision = cc.post("/v3/service_instances", "{\"type\":\"managed\",\"name\":\"any-4\",\"relationships\":"
                + "{\"space\":{\"data\":{\"guid\":\"" + space + "\"}},\"service_plan\":{\"data\":{\"guid\":\"" + plan + "\"}}}}");
        cc.awaitJob(provision);
        String instance = cc.get("/v3/service_instances?names=any-4").json().at("/resources/0/guid").asText();
        String other = cc.createSpace("other", cc.createOrg("org-" + UUID.randomUUID()));
        String sharedSpaces = "/v3/service_instances/" + instance + "/relationships/shared_spaces";

        Reply shared = cc.post(sharedSpaces, "{\"data\":[{\"guid\":\"" + other + "\"}]}");

        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.json().at("/data/0/guid").asText()).isEqualTo(other);
        assertThat(cc.get(sharedSpaces).json().at("/data/0/guid").asText()).isEqualTo(other);
        assertThat(cc.get("/v3/service_instances?space_guids=" + other).json().at("/resources/0/guid").asText())
                .isEqualTo(instance);
        assertError(cc.post(sharedSpaces, "{\"data\":[{\"guid\":\"" + space + "\"}]}"), 422, "CF-UnprocessableEntity",
                10008, "Unable to share service instance 'any-4' with space '" + space
                        + "'. Service instances cannot be shared into the space where they were created.");
        assertThat(cc.delete(sharedSpaces + "/" + other).status()).isEqualTo(204);
        assertThat(cc.get("/v3/service_instances?space_guids=" + other).json().at("/pagination/total_results").asInt())
                .isZero();
        cc.awaitJob(cc.delete("/v3/service_instances/" + instance));
    }

    /**
     * CC's rules for the users of a space an instance is shared into: they list and get it and bind their
     * apps to it (the binding's credentials reach the app's env), but a key or a delete needs write access
     * to the instance's own space (403), and unsharing takes their view of it away.
     */
    @Test
    void aDeveloperOfTheSpaceSharedIntoReadsAndBindsButCannotChangeTheInstance() {
        cc.awaitJob(register("any-broker-5", PASSWORD));
        String brokerGuid = cc.get("/v3/service_brokers?names=any-broker-5").json().at("/resources/0/guid").asText();
        String offering = cc.get("/v3/service_offerings?service_broker_guids=" + brokerGuid).json()
                .at("/resources/0/guid").asText();
        String plan = cc.get("/v3/service_plans?names=slow&service_offering_guids=" + offering).json()
                .at("/resources/0/guid").asText();
        cc.awaitJob(cc.post("/v3/service_instances", "{\"type\":\"managed\",\"name\":\"any-5\",\"relationships\":"
                + "{\"space\":{\"data\":{\"guid\":\"" + space + "\"}},\"service_plan\":{\"data\":{\"guid\":\"" + plan + "\"}}}}"));
        String instance = cc.get("/v3/service_instances?names=any-5").json().at("/resources/0/guid").asText();
        String targetOrg = cc.createOrg("org-" + UUID.randomUUID());
        String target = cc.createSpace("target", targetOrg);
        String app = cc.createApp("consumer", target);
        SimUsers users = new SimUsers(cc);
        String name = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        users.spaceRole("space_developer", users.create(name, "pw"), targetOrg, target);
        String dev = users.token(name, "pw");
        String sharedSpaces = "/v3/service_instances/" + instance + "/relationships/shared_spaces";
        assertError(cc.send("GET", "/v3/service_instances/" + instance, null, dev), 404, "CF-ResourceNotFound", 10010,
                "Service instance not found");

        assertThat(cc.post(sharedSpaces, "{\"data\":[{\"guid\":\"" + target + "\"}]}").status()).isEqualTo(200);

        assertThat(cc.send("GET", "/v3/service_instances", null, dev).json().at("/resources/0/guid").asText())
                .isEqualTo(instance);
        assertThat(cc.send("GET", "/v3/service_instances?space_guids=" + target, null, dev).json()
                .at("/pagination/total_results").asInt()).isEqualTo(1);
        assertThat(cc.send("GET", "/v3/service_instances/" + instance, null, dev).json().at("/name").asText())
                .isEqualTo("any-5");
        Reply bind = cc.send("POST", "/v3/service_credential_bindings", "{\"type\":\"app\",\"relationships\":"
                + "{\"service_instance\":{\"data\":{\"guid\":\"" + instance + "\"}},\"app\":{\"data\":{\"guid\":\""
                + app + "\"}}}}", dev);
        assertThat(bind.status()).as(bind.raw().body()).isEqualTo(202);
        assertThat(cc.awaitJob(bind).path("state").asText()).isEqualTo("COMPLETE");
        String binding = cc.send("GET", "/v3/service_credential_bindings?app_guids=" + app, null, dev).json()
                .at("/resources/0/guid").asText();
        assertThat(cc.send("GET", "/v3/service_credential_bindings/" + binding + "/details", null, dev).json()
                .at("/credentials/password").asText()).isEqualTo("key-secret");
        assertThat(cc.send("GET", "/v3/apps/" + app + "/env", null, dev).json()
                .at("/system_env_json/VCAP_SERVICES/any-db/0/credentials/host").asText()).isEqualTo("any.example");
        JsonNode usage = cc.send("GET", sharedSpaces + "/usage_summary", null, dev).json();
        assertThat(usage.at("/usage_summary/0/space/guid").asText()).isEqualTo(target);
        assertThat(usage.at("/usage_summary/0/bound_app_count").asInt()).isEqualTo(1);
        assertThat(usage.at("/links/self/href").asText()).endsWith(sharedSpaces + "/usage_summary");
        String forbidden = "You are not authorized to perform the requested action";
        assertError(cc.send("POST", "/v3/service_credential_bindings", "{\"type\":\"key\",\"name\":\"k\","
                + "\"relationships\":{\"service_instance\":{\"data\":{\"guid\":\"" + instance + "\"}}}}", dev),
                403, "CF-NotAuthorized", 10003, forbidden);
        assertError(cc.send("DELETE", "/v3/service_instances/" + instance, null, dev), 403, "CF-NotAuthorized", 10003,
                forbidden);
        assertError(cc.send("PATCH", "/v3/service_instances/" + instance, "{\"name\":\"renamed\"}", dev), 403,
                "CF-NotAuthorized", 10003, forbidden);

        assertThat(cc.delete(sharedSpaces + "/" + target).status()).isEqualTo(204);

        assertThat(cc.send("GET", "/v3/service_instances", null, dev).json().at("/pagination/total_results").asInt())
                .isZero();
        assertError(cc.send("GET", "/v3/service_instances/" + instance, null, dev), 404, "CF-ResourceNotFound", 10010,
                "Service instance not found");
        assertThat(cc.send("GET", "/v3/service_credential_bindings?app_guids=" + app, null, dev).json()
                .at("/pagination/total_results").asInt()).isZero();
        cc.awaitJob(cc.delete("/v3/service_instances/" + instance));
    }

    private static int indexOf(String prefix) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
