package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import vigil.cf.AppResponse;
import vigil.cf.Domain;
import vigil.cf.InstanceStats;
import vigil.cf.PushedApp;
import vigil.cf.Route;

/** Routes: several per app, several apps per route, path routes, instance targeting, unknown hosts. */
public final class RoutingSteps {
    private static final int SAMPLE = 40;

    private final ScenarioContext context;
    private Route secondRoute;
    private Route pathRoute;

    public RoutingSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("a second route is mapped to the app")
    public void secondRouteMapped() {
        PushedApp app = context.app();
        secondRoute = createRoute(app.app().name() + "-second", null);
        context.cf().routes().map(secondRoute.guid(), app.app().guid());
    }

    @Then("both routes answer with the app's greeting")
    public void bothRoutesAnswer() {
        PushedApp app = context.app();
        for (String host : Set.of(context.requests().host(app), hostOf(secondRoute))) {
            AppResponse response = awaitStatus("the mapped route", host, "/", 200);
            assertThat(response.body()).as("greeting through %s", host).contains(app.app().name());
        }
    }

    @When("the second route is unmapped from the app")
    public void secondRouteUnmapped() {
        context.cf().routes().unmap(secondRoute.guid(), context.app().app().guid());
    }

    @Then("the second route answers 404 with router error {string}")
    public void secondRouteGone(String routerError) {
        AppResponse response = awaitStatus("the unmapped route", hostOf(secondRoute), "/", 404);
        assertThat(response.header("X-Cf-Routererror")).as("X-Cf-Routererror of the unmapped route").isEqualTo(routerError);
    }

    @Then("the first route still answers with the app's greeting")
    public void firstRouteStillAnswers() {
        AppResponse response = context.requests().get(context.app(), "/");
        assertThat(response.status()).as("the app's own route after the other was unmapped").isEqualTo(200);
        assertThat(response.body()).contains(context.app().app().name());
    }

    @When("app {string} is also mapped to the route of app {string}")
    public void sharedRoute(String second, String first) {
        context.cf().routes().map(context.app(first).route().guid(), context.app(second).app().guid());
    }

    @Then("requests to the route of app {string} reach both {string} and {string}")
    public void routeReachesBoth(String routeOwner, String first, String second) {
        String host = context.requests().host(context.app(routeOwner));
        Set<String> expected = new HashSet<>(instanceGuids(context.app(first)));
        expected.addAll(instanceGuids(context.app(second)));
        Awaitility.await("requests to " + host + " answered by both " + first + " and " + second)
                .pollInSameThread().pollInterval(Duration.ofMillis(500)).atMost(context.cf().timeouts().route())
                .until(() -> context.requests().answeringInstances(host, "/", SAMPLE), expected::equals);
    }

    @When("app {string} is mapped to the path {string} of the host of app {string}")
    public void pathRouteMapped(String pathApp, String path, String hostApp) {
        pathRoute = createRoute(context.app(hostApp).route().host(), path);
        context.cf().routes().map(pathRoute.guid(), context.app(pathApp).app().guid());
    }

    @Then("requests for {string} on that host reach only {string}")
    public void pathReachesOnly(String path, String alias) {
        String host = hostOf(pathRoute);
        Set<String> expected = new HashSet<>(instanceGuids(context.app(alias)));
        Awaitility.await("requests for " + host + path + " answered only by " + alias)
                .pollInSameThread().pollInterval(Duration.ofMillis(500)).atMost(context.cf().timeouts().route())
                .until(() -> answeringAnyStatus(host, path, SAMPLE / 4), expected::equals);
    }

    @Then("a request with X-Cf-App-Instance for instance {int} is answered by instance {int}")
    public void instanceTargeted(int index, int answering) {
        PushedApp app = context.app();
        for (int i = 0; i < 5; i++) {
            AppResponse response = context.requests().get(context.requests().host(app), "/index",
                    Map.of("X-Cf-App-Instance", app.app().guid() + ":" + index));
            assertThat(response.status()).as("GET /index with X-Cf-App-Instance %s:%s", app.app().guid(), index)
                    .isEqualTo(200);
            assertThat(response.body()).as("index of the answering instance").isEqualTo(Integer.toString(answering));
        }
    }

    @Then("a request for an unknown host in the apps domain answers 404 with router error {string}")
    public void unknownHost(String routerError) {
        String host = "no-such-app-" + UUID.randomUUID().toString().substring(0, 8) + "." + context.config().appsDomain();
        AppResponse response = context.requests().get(host, "/", Map.of());
        assertThat(response.status()).as("GET %s/", host).isEqualTo(404);
        assertThat(response.header("X-Cf-Routererror")).as("X-Cf-Routererror for %s", host).isEqualTo(routerError);
    }

    private Route createRoute(String host, String path) {
        Domain domain = context.cf().routes().domain(context.config().appsDomain()).orElseThrow();
        return context.cf().routes().create(host, path, domain.guid(), context.workspace().space().guid());
    }

    private String hostOf(Route route) {
        return route.host() + "." + context.config().appsDomain();
    }

    private AppResponse awaitStatus(String what, String host, String path, int status) {
        return Awaitility.await(what + " " + host + path + " to answer " + status)
                .pollInSameThread().pollInterval(Duration.ofMillis(250)).atMost(context.cf().timeouts().route())
                .until(() -> context.requests().get(host, path, Map.of()), r -> r.status() == status);
    }

    private Set<String> instanceGuids(PushedApp app) {
        Set<String> guids = new HashSet<>();
        for (InstanceStats stats : context.cf().processes().stats(app.app().guid())) {
            guids.add(stats.instanceGuid());
        }
        return guids;
    }

    /** The instances behind a path answer 404 for paths they don't serve; who answered is what counts. */
    private Set<String> answeringAnyStatus(String host, String path, int requests) {
        Set<String> instances = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            String instance = context.requests().get(host, path, Map.of()).header(AppRequests.INSTANCE_HEADER);
            if (instance != null) {
                instances.add(instance);
            }
        }
        return instances;
    }
}
