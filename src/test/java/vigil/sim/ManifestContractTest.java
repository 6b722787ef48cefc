package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.sim.OrganizationsAndSpacesContractTest.assertError;
import static vigil.sim.OrganizationsAndSpacesContractTest.guidsOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;

class ManifestContractTest {

    private static final String YAML = "application/x-yaml";

    @TempDir
    static Path workDir;
    private static CcFixture cc;
    private static SimUsers requests;
    private static String space;

    @BeforeAll
    static void start() throws IOException {
        cc = new CcFixture(workDir);
        requests = new SimUsers(cc);
        space = cc.createSpace("space", cc.createOrg("org-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stop() {
        cc.close();
    }

    private static Reply apply(String yaml) {
        return requests.yaml("/v3/spaces/" + space + "/actions/apply_manifest", yaml, YAML);
    }

    @Test
    void applyingAManifestSetsInstancesEnvAndRoutes() {
        Reply accepted = apply("""
                applications:
                - name: manifested
                  instances: 3
                  memory: 256M
                  env:
                    GREETING: hi
                    COUNT: 2
                  routes:
                  - route: manifested.%s/api
                """.formatted(CcFixture.APPS_DOMAIN));

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        assertThat(cc.awaitJob(accepted).get("state").asText()).isEqualTo("COMPLETE");
        JsonNode apps = cc.get("/v3/apps?names=manifested&space_guids=" + space).json();
        String app = guidsOf(apps).get(0);
        JsonNode web = cc.get("/v3/apps/" + app + "/processes/web").json();
        assertThat(web.get("instances").asInt()).isEqualTo(3);
        assertThat(web.get("memory_in_mb").asInt()).isEqualTo(256);
        JsonNode env = cc.get("/v3/apps/" + app + "/environment_variables").json().get("var");
        assertThat(env.get("GREETING").asText()).isEqualTo("hi");
        assertThat(env.get("COUNT").asText()).isEqualTo("2");
        JsonNode routes = cc.get("/v3/apps/" + app + "/routes").json();
        assertThat(routes.at("/resources/0/url").asText()).isEqualTo("manifested." + CcFixture.APPS_DOMAIN + "/api");

        cc.pushDroplet(app);
        cc.post("/v3/apps/" + app + "/actions/start", null);
        assertThat(cc.cc.routeTargets("manifested." + CcFixture.APPS_DOMAIN, "/api/x"))
                .singleElement().satisfies(target -> assertThat(target.appGuid()).isEqualTo(app));
        assertThat(cc.runtime.lastDesire().instances()).isEqualTo(3);

        Reply again = apply("applications: [{name: manifested, instances: 1}]");
        cc.awaitJob(again);
        assertThat(cc.runtime.lastDesire().instances()).isEqualTo(1);
        Reply manifest = requests.raw("/v3/apps/" + app + "/manifest");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.header("Content-Type")).isEqualTo(YAML);
        assertThat(manifest.raw().body()).contains("- name: manifested").contains("GREETING: hi")
                .contains("route: manifested." + CcFixture.APPS_DOMAIN + "/api").contains("instances: 1");
    }

    @Test
    void badManifestsAreRefusedWithCcsMessages() {
        assertError(apply("version: 1\n"), 422, "CF-UnprocessableEntity", 10008,
                "Cannot parse manifest with no 'applications' field.");
        Reply invalid = apply("applications:\n- name: bad\n  instances: -1\n  memory: 12Q\n- instances: 1\n");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors")).extracting(error -> error.get("detail").asText()).containsExactly(
                "For application 'bad': Process \"web\": Instances must be greater than or equal to 0",
                "For application 'bad': Process \"web\": Memory must use a supported unit: B, K, KB, M, MB, G, GB, T, or TB",
                "For application at index 1: Name must not be empty");
        assertError(requests.yaml("/v3/spaces/" + space + "/actions/apply_manifest", "{}", "application/json"),
                400, "CF-BadRequest", 1004, "Bad request: Content-Type must be yaml");
        assertThat(cc.get("/v3/apps?names=bad").json().get("resources")).isEmpty();
    }

    @Test
    void processesAndSidecarsAreAppliedAndWrittenBack() {
        Reply accepted = apply("""
                applications:
                - name: multi
                  processes:
                  - type: web
                    instances: 2
                    health-check-type: http
                    health-check-http-endpoint: /health
                    health-check-invocation-timeout: 3
                    timeout: 60
                    health-check-interval: 5
                    readiness-health-check-type: http
                    readiness-health-check-http-endpoint: /ready
                  - type: worker
                    instances: 1
                    memory: 128M
                    disk_quota: 512M
                    command: ./worker
                  sidecars:
                  - name: proxy
                    process_types: [web, worker]
                    command: ./proxy
                    memory: 64M
                """);
        assertThat(cc.awaitJob(accepted).get("state").asText()).isEqualTo("COMPLETE");
        String app = guidsOf(cc.get("/v3/apps?names=multi&space_guids=" + space).json()).get(0);
        JsonNode web = cc.get("/v3/apps/" + app + "/processes/web").json();
        assertThat(web.get("instances").asInt()).isEqualTo(2);
        assertThat(web.at("/health_check/type").asText()).isEqualTo("http");
        assertThat(web.at("/health_check/data/endpoint").asText()).isEqualTo("/health");
        assertThat(web.at("/health_check/data/invocation_timeout").asInt()).isEqualTo(3);
        assertThat(web.at("/health_check/data/timeout").asInt()).isEqualTo(60);
        assertThat(web.at("/health_check/data/interval").asInt()).isEqualTo(5);
        assertThat(web.at("/readiness_health_check/type").asText()).isEqualTo("http");
        assertThat(web.at("/readiness_health_check/data/endpoint").asText()).isEqualTo("/ready");
        // No droplet has a worker type yet: the manifest makes the process, as CC does.
        JsonNode worker = cc.get("/v3/apps/" + app + "/processes/worker").json();
        assertThat(worker.get("instances").asInt()).isEqualTo(1);
        assertThat(worker.get("memory_in_mb").asInt()).isEqualTo(128);
        assertThat(worker.get("disk_in_mb").asInt()).isEqualTo(512);
        assertThat(worker.get("command").asText()).isEqualTo("./worker");
        JsonNode sidecar = cc.get("/v3/apps/" + app + "/sidecars").json().at("/resources/0");
        assertThat(sidecar.get("name").asText()).isEqualTo("proxy");
        assertThat(sidecar.get("memory_in_mb").asInt()).isEqualTo(64);
        assertThat(sidecar.get("process_types")).extracting(JsonNode::asText).containsExactly("web", "worker");

        Reply again = apply("""
                applications:
                - name: multi
                  sidecars:
                  - name: proxy
                    process_types: [web]
                    command: ./proxy --v2
                """);
        assertThat(cc.awaitJob(again).get("state").asText()).isEqualTo("COMPLETE");
        JsonNode sidecars = cc.get("/v3/apps/" + app + "/sidecars").json().get("resources");
        assertThat(sidecars).hasSize(1);
        assertThat(sidecars.get(0).get("command").asText()).isEqualTo("./proxy --v2");
        assertThat(sidecars.get(0).get("process_types")).extracting(JsonNode::asText).containsExactly("web");

        String manifest = requests.raw("/v3/apps/" + app + "/manifest").raw().body();
        assertThat(manifest).contains("type: worker").contains("command: ./worker").contains("memory: 128M")
                .contains("health-check-http-endpoint: /health").contains("health-check-invocation-timeout: 3")
                .contains("timeout: 60").contains("health-check-interval: 5").contains("readiness-health-check-type: http")
                .contains("readiness-health-check-http-endpoint: /ready").contains("sidecars:")
                .contains("name: proxy").contains("command: ./proxy --v2").contains("memory: 64M");

        // A started app runs a type the manifest adds at once, with the manifest's count and command.
        cc.pushDroplet(app);
        cc.post("/v3/apps/" + app + "/actions/start", null);
        cc.awaitJob(apply("applications: [{name: multi, processes: [{type: clock, instances: 1, command: ./clock}]}]"));
        assertThat(cc.runtime.lastDesire()).satisfies(desired -> {
            assertThat(desired.processType()).isEqualTo("clock");
            assertThat(desired.instances()).isEqualTo(1);
            assertThat(desired.command()).isEqualTo("./clock");
        });
    }

    @Test
    void badProcessAndSidecarEntriesAreRefusedWithCcsMessages() {
        Reply invalid = apply("""
                applications:
                - name: bad-processes
                  processes:
                  - type: worker
                    instances: -2
                    memory: lots
                    health-check-type: tcp
                    health-check-http-endpoint: health
                    timeout: 0
                    readiness-health-check-type: ping
                  - type: worker
                  - instances: 1
                  sidecars:
                  - name: proxy
                    process_types: []
                  - command: ./agent
                    process_types: [web]
                    memory: 0M
                """);
        assertThat(invalid.status()).as(invalid.raw().body()).isEqualTo(422);
        assertThat(invalid.json().get("errors")).extracting(error -> error.get("detail").asText()).containsExactly(
                "For application 'bad-processes': All Processes must specify a type",
                "For application 'bad-processes': Process \"worker\" may only be present once",
                "For application 'bad-processes': Process \"worker\": Memory is not a number",
                "For application 'bad-processes': Sidecar \"proxy\": Command can't be blank",
                "For application 'bad-processes': Sidecar \"proxy\": Process types must have at least 1 process_type",
                "For application 'bad-processes': Sidecar name can't be blank",
                "For application 'bad-processes': Sidecar memory in mb must be greater than 0",
                "For application 'bad-processes': Process \"worker\": Instances must be greater than or equal to 0",
                "For application 'bad-processes': Process \"worker\": Health check type must be \"http\" to set a health check HTTP endpoint",
                "For application 'bad-processes': Process \"worker\": Health check type must be \"port\", \"process\", or \"http\"",
                "For application 'bad-processes': Process \"worker\": Health check http endpoint must be a valid URI path",
                "For application 'bad-processes': Process \"worker\": Readiness health check type must be \"port\", \"process\", or \"http\"",
                "For application 'bad-processes': Process \"worker\": Timeout must be greater than or equal to 1");
        assertThat(cc.get("/v3/apps?names=bad-processes").json().get("resources")).isEmpty();
    }
}
