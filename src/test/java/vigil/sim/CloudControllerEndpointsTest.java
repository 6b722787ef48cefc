package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.sim.HttpProbe.Reply;

class CloudControllerEndpointsTest {

    private static Sim sim;
    private static final HttpProbe http = new HttpProbe();
    private static String api;
    private static String uaa;

    @BeforeAll
    static void start() throws IOException {
        sim = Sim.start(SimOptions.defaults());
        api = sim.apiUrl().toString();
        uaa = sim.uaaUrl().toString();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static URI api(String path) {
        return URI.create(api + path);
    }

    @Test
    void urlsAreLoopbackHttpWithDistinctPorts() {
        assertThat(sim.apiUrl().getScheme()).isEqualTo("http");
        assertThat(sim.apiUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(sim.uaaUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(sim.apiUrl().getPort()).isPositive().isNotEqualTo(sim.uaaUrl().getPort());
        assertThat(sim.adminUser()).isEqualTo("admin");
        assertThat(sim.adminPassword()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(sim.appsDomain()).isEqualTo("apps.vigil.test");
    }

    @Test
    void globalRootLinksToTheApisAndToTheUaaWithoutAToken() {
        Reply reply = http.get(api("/"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode links = reply.json().get("links");
        assertThat(fieldNames(links)).startsWith("self", "cloud_controller_v2", "cloud_controller_v3", "login", "uaa");
        assertThat(links.at("/self/href").asText()).isEqualTo(api);
        assertThat(links.at("/cloud_controller_v3/href").asText()).isEqualTo(api + "/v3");
        assertThat(links.at("/cloud_controller_v3/meta/version").asText()).matches("3\\.\\d+\\.\\d+");
        assertThat(links.at("/cloud_controller_v2/href").asText()).isEqualTo(api + "/v2");
        assertThat(links.at("/cloud_controller_v2/meta/version").asText()).matches("2\\.\\d+\\.\\d+");
        assertThat(links.at("/login/href").asText()).isEqualTo(uaa);
        assertThat(links.at("/uaa/href").asText()).isEqualTo(uaa);
        // Components the sim does not run are null, as CC renders unconfigured ones; the log-cache runs.
        assertThat(links.at("/log_cache/href").asText()).startsWith("http://127.0.0.1:");
        assertThat(links.get("credhub").isNull()).isTrue();
        assertThat(links.at("/routing/href").asText()).endsWith("/routing");
        assertThat(reply.header("X-Vcap-Request-Id")).isNotBlank();
    }

    @Test
    void v3RootListsOnlyWhatExists() {
        Reply reply = http.get(api("/v3"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode links = reply.json().get("links");
        assertThat(fieldNames(links)).containsExactly("self", "apps", "builds", "domains", "droplets", "info",
                "organizations", "packages", "processes", "resource_matches", "roles", "routes", "service_credential_bindings",
                "service_instances", "service_route_bindings", "spaces", "users");
        assertThat(links.at("/apps/href").asText()).isEqualTo(api + "/v3/apps");
        assertThat(links.at("/self/href").asText()).isEqualTo(api + "/v3");
        assertThat(links.at("/organizations/href").asText()).isEqualTo(api + "/v3/organizations");
        assertThat(http.get(api("/v3/")).json()).isEqualTo(reply.json());
    }

    @Test
    void v3InfoHasCcShape() {
        Reply reply = http.get(api("/v3/info"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode info = reply.json();
        assertThat(fieldNames(info)).containsExactly(
                "build", "cli_version", "custom", "description", "name", "version", "osbapi_version", "rate_limits", "links");
        assertThat(info.at("/cli_version/minimum").isTextual()).isTrue();
        assertThat(info.get("custom").isObject()).isTrue();
        assertThat(info.get("version").isInt()).isTrue();
        assertThat(info.get("osbapi_version").asText()).isEqualTo("2.15");
        assertThat(info.at("/links/self/href").asText()).isEqualTo(api + "/v3/info");
        assertThat(info.at("/links/support").has("href")).isTrue();
    }

    @Test
    void v2InfoPointsAtTheUaa() {
        Reply reply = http.get(api("/v2/info"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode info = reply.json();
        assertThat(fieldNames(info)).startsWith("name", "build", "support", "version", "description",
                "authorization_endpoint", "token_endpoint", "min_cli_version", "min_recommended_cli_version");
        assertThat(info.get("authorization_endpoint").asText()).isEqualTo(uaa);
        assertThat(info.get("token_endpoint").asText()).isEqualTo(uaa);
        assertThat(info.get("api_version").asText()).matches("2\\.\\d+\\.\\d+");
        assertThat(info.get("osbapi_version").asText()).isEqualTo("2.15");
        assertThat(info.has("user")).isFalse();
    }

    @Test
    void v2InfoNamesTheUserOfAValidToken() {
        Reply reply = http.get(api("/v2/info"), "Authorization", "bearer " + http.adminAccessToken(sim));

        assertThat(reply.json().get("user").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void organizationsListWithATokenIsAnEmptyCcPage() {
        Reply reply = http.get(api("/v3/organizations"), "Authorization", "bearer " + http.adminAccessToken(sim));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).containsExactly("pagination", "resources");
        JsonNode pagination = body.get("pagination");
        assertThat(fieldNames(pagination)).containsExactly("total_results", "total_pages", "first", "last", "next", "previous");
        assertThat(pagination.get("total_results").asInt()).isZero();
        assertThat(pagination.get("total_pages").asInt()).isEqualTo(1);
        assertThat(pagination.at("/first/href").asText()).isEqualTo(api + "/v3/organizations?page=1&per_page=50");
        assertThat(pagination.at("/last/href").asText()).isEqualTo(api + "/v3/organizations?page=1&per_page=50");
        assertThat(pagination.get("next").isNull()).isTrue();
        assertThat(pagination.get("previous").isNull()).isTrue();
        assertThat(body.get("resources").isArray()).isTrue();
        assertThat(body.get("resources")).isEmpty();
    }

    @Test
    void paginationLinksKeepFiltersSorted() {
        Reply reply = http.get(api("/v3/organizations?per_page=2&names=b%20c,d&page=3"),
                "Authorization", "bearer " + http.adminAccessToken(sim));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode pagination = reply.json().get("pagination");
        assertThat(pagination.at("/first/href").asText())
                .isEqualTo(api + "/v3/organizations?names=b+c%2Cd&page=1&per_page=2");
        assertThat(pagination.at("/previous/href").asText())
                .isEqualTo(api + "/v3/organizations?names=b+c%2Cd&page=2&per_page=2");
        assertThat(pagination.get("next").isNull()).isTrue();
    }

    @Test
    void badQueryParametersAreReportedTogether() {
        Reply reply = http.get(api("/v3/organizations?per_page=0&fruit=apple"),
                "Authorization", "bearer " + http.adminAccessToken(sim));

        assertThat(reply.status()).isEqualTo(400);
        assertError(reply, "CF-BadQueryParameter", 10005);
        assertThat(reply.json().at("/errors/0/detail").asText()).isEqualTo(
                "The query parameter is invalid: Per page must be a positive integer, Unknown query parameter(s): 'fruit'. "
                        + "Valid parameters are: 'page', 'per_page', 'order_by', 'created_ats', 'updated_ats', 'guids', "
                        + "'names', 'isolation_segment_guid', 'label_selector'");
    }

    @Test
    void clientCredentialsTokenOfTheAdminClientIsAccepted() {
        Reply token = http.postForm(URI.create(uaa + "/oauth/token"), Map.of("grant_type", "client_credentials"),
                "admin", sim.adminPassword());
        Reply reply = http.get(api("/v3/organizations"), "Authorization", "bearer " + token.json().get("access_token").asText());

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void noTokenIsNotAuthenticated() {
        Reply reply = http.get(api("/v3/organizations"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.raw().body())
                .isEqualTo("{\"errors\":[{\"detail\":\"Authentication error\",\"title\":\"CF-NotAuthenticated\",\"code\":10002}]}");
    }

    @Test
    void aNonBearerAuthorizationCountsAsNoToken() {
        Reply reply = http.get(api("/v3/organizations"), "Authorization", "Basic YWRtaW46YWRtaW4=");

        assertThat(reply.status()).isEqualTo(401);
        assertError(reply, "CF-NotAuthenticated", 10002);
    }

    @Test
    void tamperedSignatureIsAnInvalidToken() {
        String token = http.adminAccessToken(sim);
        int last = token.length() - 5;
        String tampered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);

        Reply reply = http.get(api("/v3/organizations"), "Authorization", "bearer " + tampered);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.raw().body())
                .isEqualTo("{\"errors\":[{\"detail\":\"Invalid Auth Token\",\"title\":\"CF-InvalidAuthToken\",\"code\":1000}]}");
    }

    @Test
    void tamperedPayloadIsAnInvalidToken() {
        String[] parts = http.adminAccessToken(sim).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"exp\":", "\"exp\":9").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Reply reply = http.get(api("/v3/organizations"), "Authorization", "bearer " + parts[0] + "." + forged + "." + parts[2]);

        assertThat(reply.status()).isEqualTo(401);
        assertError(reply, "CF-InvalidAuthToken", 1000);
    }

    @Test
    void garbageAndRefreshTokensAreInvalidTokens() {
        String refreshToken = http.adminLogin(sim).json().get("refresh_token").asText();

        assertError(http.get(api("/v3/organizations"), "Authorization", "bearer not-a-jwt"), "CF-InvalidAuthToken", 1000);
        assertError(http.get(api("/v3/organizations"), "Authorization", "bearer " + refreshToken), "CF-InvalidAuthToken", 1000);
    }

    @Test
    void tokenOfAnotherSimIsAnInvalidToken() throws IOException {
        try (Sim other = Sim.start(SimOptions.defaults())) {
            String foreign = http.adminAccessToken(other);

            assertError(http.get(api("/v3/organizations"), "Authorization", "bearer " + foreign), "CF-InvalidAuthToken", 1000);
        }
    }

    @Test
    void unknownV3PathIsCcNotFound() {
        Reply reply = http.get(api("/v3/no_such_things"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.raw().body())
                .isEqualTo("{\"errors\":[{\"detail\":\"Unknown request\",\"title\":\"CF-NotFound\",\"code\":10000}]}");
    }

    @Test
    void unsupportedMethodOnAKnownPathIsNotFoundToo() {
        Reply reply = http.send("DELETE", api("/v3/info"));

        assertThat(reply.status()).isEqualTo(404);
        assertError(reply, "CF-NotFound", 10000);
    }

    @Test
    void unknownPathOutsideV3IsNotFoundInV2Format() {
        Reply reply = http.get(api("/v2/apps"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.raw().body())
                .isEqualTo("{\"description\":\"Unknown request\",\"error_code\":\"CF-NotFound\",\"code\":10000}");
    }

    @Test
    void headIsAnsweredLikeGetWithoutABody() {
        Reply reply = http.send("HEAD", api("/v3/info"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw().body()).isEmpty();
    }

    @Test
    void aRequestIdSentByTheClientIsKept() {
        Reply reply = http.get(api("/v3/info"), "X-Vcap-Request-Id", "my-trace");

        assertThat(reply.header("X-Vcap-Request-Id")).startsWith("my-trace::");
    }

    private static void assertError(Reply reply, String title, int code) {
        JsonNode error = reply.json().at("/errors/0");
        assertThat(fieldNames(error)).containsExactly("detail", "title", "code");
        assertThat(error.get("title").asText()).isEqualTo(title);
        assertThat(error.get("code").asInt()).isEqualTo(code);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
