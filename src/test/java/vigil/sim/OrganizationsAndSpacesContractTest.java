package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.sim.CloudControllerEndpointsTest.fieldNames;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;

class OrganizationsAndSpacesContractTest {

    @TempDir
    static Path workDir;
    private static CcFixture cc;

    @BeforeAll
    static void start() throws IOException {
        cc = new CcFixture(workDir);
    }

    @AfterAll
    static void stop() {
        cc.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void assertError(Reply reply, int status, String title, int code, String detail) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
        JsonNode error = reply.json().at("/errors/0");
        assertThat(fieldNames(error)).containsExactly("detail", "title", "code");
        assertThat(error.get("title").asText()).isEqualTo(title);
        assertThat(error.get("code").asInt()).isEqualTo(code);
        if (detail != null) {
            assertThat(error.get("detail").asText()).isEqualTo(detail);
        }
    }

    static java.util.List<String> guidsOf(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.get("resources").spliterator(), false)
                        .map(resource -> resource.get("guid").asText()).toList();
    }

    static java.util.List<String> namesOf(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.get("resources").spliterator(), false)
                .map(resource -> resource.get("name").asText()).toList();
    }

    @Test
    void createdOrganizationHasCcFieldsInOrder() {
        String name = unique("org");
        Reply reply = cc.post("/v3/organizations", "{\"name\":\"" + name + "\",\"metadata\":{\"labels\":{\"env\":\"dev\"}}}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode org = reply.json();
        assertThat(fieldNames(org)).containsExactly("guid", "created_at", "updated_at", "name", "suspended",
                "relationships", "metadata", "links");
        assertThat(org.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(org.get("name").asText()).isEqualTo(name);
        assertThat(org.at("/metadata/labels/env").asText()).isEqualTo("dev");
        assertThat(org.at("/metadata/annotations").isObject()).isTrue();
        assertThat(org.at("/links/self/href").asText()).isEqualTo(cc.api + "/v3/organizations/" + org.get("guid").asText());
        assertThat(cc.get("/v3/organizations/" + org.get("guid").asText()).json()).isEqualTo(org);
    }

    @Test
    void duplicateOrganizationNameIsUnprocessable() {
        String name = unique("org");
        cc.createOrg(name);

        assertError(cc.post("/v3/organizations", "{\"name\":\"" + name + "\"}"), 422, "CF-UnprocessableEntity", 10008,
                "Organization '" + name + "' already exists.");
    }

    @Test
    void unknownOrganizationIsNotFound() {
        assertError(cc.get("/v3/organizations/" + UUID.randomUUID()), 404, "CF-ResourceNotFound", 10010,
                "Organization not found");
    }

    @Test
    void malformedJsonAndUnknownFieldsAreRejectedAsCcDoes() {
        assertError(cc.post("/v3/organizations", "{\"name\":"), 400, "CF-MessageParseError", 1001,
                "Request invalid due to parse error: invalid request body");
        assertError(cc.post("/v3/organizations", "{\"name\":\"x\",\"colour\":\"red\"}"), 422, "CF-UnprocessableEntity",
                10008, "Unknown field(s): 'colour'");
        assertError(cc.post("/v3/organizations", "{}"), 422, "CF-UnprocessableEntity", 10008, "Name can't be blank");
    }

    @Test
    void aTokenWithoutWriteScopeMayReadButNotWrite() {
        String readOnly = cc.token("cloud_controller.read");

        assertThat(cc.send("GET", "/v3/organizations", null, readOnly).status()).isEqualTo(200);
        assertError(cc.send("POST", "/v3/organizations", "{\"name\":\"" + unique("org") + "\"}", readOnly),
                403, "CF-NotAuthorized", 10003, "You are not authorized to perform the requested action");
    }

    @Test
    void listFiltersByNamesGuidsAndLabelsAndPaginates() {
        String prefix = unique("list");
        String a = cc.post("/v3/organizations", "{\"name\":\"" + prefix + "-a\",\"metadata\":{\"labels\":{\"tier\":\"gold\"}}}")
                .json().get("guid").asText();
        String b = cc.post("/v3/organizations", "{\"name\":\"" + prefix + "-b\",\"metadata\":{\"labels\":{\"tier\":\"silver\"}}}")
                .json().get("guid").asText();
        String c = cc.createOrg(prefix + "-c");

        JsonNode byName = cc.get("/v3/organizations?names=" + prefix + "-a," + prefix + "-c").json();
        assertThat(guidsOf(byName)).containsExactly(a, c);
        assertThat(guidsOf(cc.get("/v3/organizations?guids=" + b).json())).containsExactly(b);
        assertThat(guidsOf(cc.get("/v3/organizations?label_selector=tier%3Dgold").json())).containsExactly(a);
        assertThat(guidsOf(cc.get("/v3/organizations?label_selector=tier%20in%20(gold,silver)").json()))
                .containsExactly(a, b);
        assertThat(guidsOf(cc.get("/v3/organizations?names=" + prefix + "-a," + prefix + "-b," + prefix + "-c&label_selector=!tier").json())).containsExactly(c);
        assertThat(guidsOf(cc.get("/v3/organizations?names=" + prefix + "-a," + prefix + "-b&label_selector=tier!%3Dgold").json())).containsExactly(b);

        String names = prefix + "-a," + prefix + "-b," + prefix + "-c";
        JsonNode page2 = cc.get("/v3/organizations?names=" + names + "&per_page=1&page=2&order_by=-name").json();
        JsonNode pagination = page2.get("pagination");
        assertThat(pagination.get("total_results").asInt()).isEqualTo(3);
        assertThat(pagination.get("total_pages").asInt()).isEqualTo(3);
        assertThat(pagination.at("/next/href").asText()).contains("page=3").contains("per_page=1").contains("order_by=-name");
        assertThat(pagination.at("/previous/href").asText()).contains("page=1");
        assertThat(guidsOf(page2)).containsExactly(b);
        assertError(cc.get("/v3/organizations?label_selector=tier%3D%3D%3D"), 400, "CF-BadQueryParameter", 10005,
                "The query parameter is invalid: Invalid label_selector value");
    }

    @Test
    void updateRenamesAndMergesMetadataWhereNullRemovesAKey() {
        String guid = cc.post("/v3/organizations", "{\"name\":\"" + unique("org")
                + "\",\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"}}}").json().get("guid").asText();
        String newName = unique("renamed");

        Reply reply = cc.patch("/v3/organizations/" + guid, "{\"name\":\"" + newName
                + "\",\"metadata\":{\"labels\":{\"a\":null,\"c\":\"3\"}}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("name").asText()).isEqualTo(newName);
        assertThat(fieldNames(reply.json().at("/metadata/labels"))).containsExactly("b", "c");
    }

    @Test
    void spacesBelongToAnOrganizationAndAreUniqueWithinIt() {
        String org = cc.createOrg(unique("org"));
        String name = unique("space");
        Reply created = cc.post("/v3/spaces", "{\"name\":\"" + name + "\",\"relationships\":{\"organization\":{\"data\":{\"guid\":\""
                + org + "\"}}}}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(fieldNames(created.json())).containsExactly("guid", "created_at", "updated_at", "name", "suspended",
                "relationships", "metadata", "links");
        assertThat(created.json().at("/relationships/organization/data/guid").asText()).isEqualTo(org);
        assertThat(created.json().at("/relationships/quota/data").isNull()).isTrue();
        assertThat(namesOf(cc.get("/v3/spaces?organization_guids=" + org).json())).containsExactly(name);
        assertError(cc.post("/v3/spaces", "{\"name\":\"" + name + "\",\"relationships\":{\"organization\":{\"data\":{\"guid\":\""
                + org + "\"}}}}"), 422, "CF-UnprocessableEntity", 10008, "Name must be unique per organization");
        assertError(cc.get("/v3/spaces?fruit=apple"), 400, "CF-BadQueryParameter", 10005,
                "The query parameter is invalid: Unknown query parameter(s): 'fruit'. Valid parameters are: 'page', "
                        + "'per_page', 'order_by', 'created_ats', 'updated_ats', 'guids', 'names', 'organization_guids', "
                        + "'include', 'label_selector'");
        assertError(cc.get("/v3/spaces?per_page=5001"), 400, "CF-BadQueryParameter", 10005,
                "The query parameter is invalid: Per page must be between 1 and 5000");
    }

    @Test
    void deletingAnOrganizationIsAJobThatDeletesItsSpacesAppsAndRoutes() {
        String org = cc.createOrg(unique("org"));
        String space = cc.createSpace("s", org);
        String app = cc.createApp("a", space);
        String route = cc.createRoute(unique("host"), null, space);

        Reply accepted = cc.delete("/v3/organizations/" + org);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.raw().body()).isEmpty();
        assertThat(accepted.header("Location")).startsWith(cc.api + "/v3/jobs/");
        JsonNode first = cc.get(accepted.header("Location").substring(cc.api.length())).json();
        assertThat(fieldNames(first)).containsExactly("guid", "created_at", "updated_at", "operation", "state", "errors",
                "warnings", "links");
        assertThat(first.get("operation").asText()).isEqualTo("organization.delete");
        assertThat(first.get("state").asText()).isIn("PROCESSING", "COMPLETE");
        JsonNode job = cc.awaitJob(accepted);
        assertThat(job.get("state").asText()).isEqualTo("COMPLETE");
        assertThat(job.get("errors")).isEmpty();
        assertThat(fieldNames(job.get("links"))).containsExactly("self");
        assertThat(cc.get("/v3/organizations/" + org).status()).isEqualTo(404);
        assertThat(cc.get("/v3/spaces/" + space).status()).isEqualTo(404);
        assertThat(cc.get("/v3/apps/" + app).status()).isEqualTo(404);
        assertThat(cc.get("/v3/routes/" + route).status()).isEqualTo(404);
        assertThat(cc.get("/v3/processes/" + app).status()).isEqualTo(404);
    }

    @Test
    void unknownJobIsNotFound() {
        assertError(cc.get("/v3/jobs/" + UUID.randomUUID()), 404, "CF-ResourceNotFound", 10010, "Job not found");
    }

    @Test
    void countsReportWhatExists() {
        int before = cc.cc.counts().get("spaces");
        String org = cc.createOrg(unique("org"));
        cc.createSpace("counted", org);

        assertThat(cc.cc.counts()).containsKeys("organizations", "spaces", "apps", "routes");
        assertThat(cc.cc.counts().get("spaces")).isEqualTo(before + 1);
    }
}
