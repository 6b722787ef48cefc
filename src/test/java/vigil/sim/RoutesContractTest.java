package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.sim.CloudControllerEndpointsTest.fieldNames;
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
import vigil.sim.api.RouteTarget;

class RoutesContractTest {

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

    private static String host() {
        return "h" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theSharedAppsDomainExists() {
        JsonNode domains = cc.get("/v3/domains").json();
        JsonNode domain = domains.at("/resources/0");

        assertThat(domain.get("name").asText()).isEqualTo(CcFixture.APPS_DOMAIN);
        assertThat(domain.at("/relationships/organization/data").isNull()).isTrue();
        assertThat(cc.get("/v3/domains/" + domain.get("guid").asText()).json()).isEqualTo(domain);
    }

    @Test
    void createdRouteHasCcShapeAndDuplicatesAreRefusedWithCcTexts() {
        String host = host();
        Reply reply = cc.post("/v3/routes", "{\"host\":\"" + host + "\",\"relationships\":{\"space\":{\"data\":{\"guid\":\""
                + space + "\"}},\"domain\":{\"data\":{\"guid\":\"" + cc.sharedDomainGuid() + "\"}}}}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode route = reply.json();
        assertThat(fieldNames(route)).containsExactly("guid", "created_at", "updated_at", "protocol", "host", "path",
                "port", "url", "destinations", "metadata", "relationships", "links");
        assertThat(route.get("port").isNull()).isTrue();
        assertThat(route.get("url").asText()).isEqualTo(host + "." + CcFixture.APPS_DOMAIN);
        assertError(cc.post("/v3/routes", "{\"host\":\"" + host + "\",\"relationships\":{\"space\":{\"data\":{\"guid\":\""
                + space + "\"}},\"domain\":{\"data\":{\"guid\":\"" + cc.sharedDomainGuid() + "\"}}}}"), 422,
                "CF-UnprocessableEntity", 10008,
                "Route already exists with host '" + host + "' for domain '" + CcFixture.APPS_DOMAIN + "'.");
        cc.createRoute(host, "/api", space);
        assertError(cc.post("/v3/routes", "{\"host\":\"" + host + "\",\"path\":\"/api\",\"relationships\":{\"space\":{\"data\":{\"guid\":\""
                + space + "\"}},\"domain\":{\"data\":{\"guid\":\"" + cc.sharedDomainGuid() + "\"}}}}"), 422,
                "CF-UnprocessableEntity", 10008,
                "Route already exists with host '" + host + "' and path '/api' for domain '" + CcFixture.APPS_DOMAIN + "'.");
        assertError(cc.get("/v3/routes/" + UUID.randomUUID()), 404, "CF-ResourceNotFound", 10010, "Route not found");
    }

    @Test
    void destinationsAreAddedReplacedAndRemoved() {
        String a = cc.createApp("a-" + host(), space);
        String b = cc.createApp("b-" + host(), space);
        String route = cc.createRoute(host(), null, space);

        Reply added = cc.post("/v3/routes/" + route + "/destinations", "{\"destinations\":[{\"app\":{\"guid\":\"" + a + "\"}}]}");

        assertThat(added.status()).isEqualTo(200);
        assertThat(fieldNames(added.json())).containsExactly("destinations", "links");
        JsonNode destination = added.json().at("/destinations/0");
        assertThat(fieldNames(destination)).containsExactly("guid", "app", "weight", "port", "protocol", "created_at", "updated_at");
        assertThat(destination.at("/app/process/type").asText()).isEqualTo("web");
        assertThat(destination.get("port").asInt()).isEqualTo(8080);
        assertThat(guidsOf(cc.get("/v3/routes?app_guids=" + a).json())).containsExactly(route);
        assertThat(guidsOf(cc.get("/v3/apps/" + a + "/routes").json())).containsExactly(route);

        Reply replaced = cc.patch("/v3/routes/" + route + "/destinations", "{\"destinations\":[{\"app\":{\"guid\":\"" + b + "\"}}]}");
        assertThat(replaced.json().get("destinations")).hasSize(1);
        assertThat(replaced.json().at("/destinations/0/app/guid").asText()).isEqualTo(b);

        String destinationGuid = replaced.json().at("/destinations/0/guid").asText();
        assertThat(cc.delete("/v3/routes/" + route + "/destinations/" + destinationGuid).status()).isEqualTo(204);
        assertThat(cc.get("/v3/routes/" + route + "/destinations").json().get("destinations")).isEmpty();
        assertError(cc.delete("/v3/routes/" + route + "/destinations/" + destinationGuid), 422, "CF-UnprocessableEntity", 10008,
                "Unable to unmap route from destination. Ensure the route has a destination with this guid.");
        String missing = UUID.randomUUID().toString();
        assertError(cc.post("/v3/routes/" + route + "/destinations", "{\"destinations\":[{\"app\":{\"guid\":\"" + missing + "\"}}]}"),
                422, "CF-UnprocessableEntity", 10008, "App(s) with guid(s) \"" + missing + "\" do not exist.");
    }

    @Test
    void routeTargetsFollowTheLongestPathOfStartedAppsOnly() {
        String host = host();
        String web = cc.createApp("web-" + host, space);
        String api = cc.createApp("api-" + host, space);
        String root = cc.createRoute(host, null, space);
        String apiRoute = cc.createRoute(host, "/api", space);
        cc.post("/v3/routes/" + root + "/destinations", "{\"destinations\":[{\"app\":{\"guid\":\"" + web + "\"}}]}");
        String mapping = cc.post("/v3/routes/" + apiRoute + "/destinations",
                "{\"destinations\":[{\"app\":{\"guid\":\"" + api + "\"}}]}").json().at("/destinations/0/guid").asText();
        String fullHost = host + "." + CcFixture.APPS_DOMAIN;

        assertThat(cc.cc.routeTargets(fullHost, "/")).as("stopped apps are not routable").isEmpty();

        cc.pushDroplet(web);
        cc.pushDroplet(api);
        cc.post("/v3/apps/" + web + "/actions/start", null);
        cc.post("/v3/apps/" + api + "/actions/start", null);

        assertThat(cc.cc.routeTargets(fullHost, "/")).containsExactly(new RouteTarget(web, web, 8080));
        assertThat(cc.cc.routeTargets(fullHost.toUpperCase() + ":8081", "/apix")).containsExactly(new RouteTarget(web, web, 8080));
        assertThat(cc.cc.routeTargets(fullHost, "/api")).containsExactly(new RouteTarget(api, api, 8080));
        assertThat(cc.cc.routeTargets(fullHost, "/api/v1/things")).containsExactly(new RouteTarget(api, api, 8080));
        assertThat(cc.cc.routeTargets("other." + CcFixture.APPS_DOMAIN, "/")).isEmpty();

        cc.delete("/v3/routes/" + apiRoute + "/destinations/" + mapping);
        assertThat(cc.cc.routeTargets(fullHost, "/api")).as("an unmapped path route still wins, but is empty").isEmpty();
        cc.awaitJob(cc.delete("/v3/routes/" + apiRoute));
        assertThat(cc.cc.routeTargets(fullHost, "/api")).containsExactly(new RouteTarget(web, web, 8080));
    }
}
