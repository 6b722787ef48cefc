package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import vigil.cf.AppResponse;
import vigil.cf.Domain;
import vigil.cf.PushedApp;
import vigil.cf.Route;

/**
 * Container networking: internal routes ({@code <host>.apps.internal}) and network policies. Whether one app
 * reaches another is asked of the source app itself ({@code /proxy/<host>.apps.internal:8080/} of the test app,
 * which calls it with the JDK's HttpClient at its defaults), so the check is what any app in the container sees.
 */
public final class ContainerNetworkingSteps {
    static final String INTERNAL_DOMAIN = "apps.internal";
    static final int CONTAINER_PORT = 8080;
    /** How long a denial must hold before it counts: one poll could see a moment between two policy syncs. */
    private static final Duration DENIAL_HOLDS = Duration.ofSeconds(2);

    private final ScenarioContext context;
    private final Map<String, String> internalHosts = new HashMap<>();

    public ContainerNetworkingSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("app {string} has an internal route")
    public void internalRoute(String alias) {
        PushedApp app = context.app(alias);
        Domain domain = context.cf().routes().domain(INTERNAL_DOMAIN).filter(Domain::internal)
                .orElseThrow(() -> new IllegalStateException("this CF has no internal domain " + INTERNAL_DOMAIN
                        + ": is container networking (service discovery) deployed?"));
        Route route = context.cf().routes().create(app.app().name(), null, domain.guid(),
                context.workspace().space().guid());
        context.cf().routes().map(route.guid(), app.app().guid());
        internalHosts.put(alias, route.host() + "." + domain.name());
    }

    @When("a network policy lets app {string} reach app {string} on port 8080")
    public void policyAdded(String source, String destination) {
        String from = context.app(source).app().guid();
        String to = context.app(destination).app().guid();
        context.cf().networkPolicies().allow(from, to, CONTAINER_PORT);
        context.workspace().removeAtEnd("network policy " + source + " -> " + destination,
                () -> context.cf().networkPolicies().remove(from, to, CONTAINER_PORT));
    }

    @When("the network policy from app {string} to app {string} is removed")
    public void policyRemoved(String source, String destination) {
        context.cf().networkPolicies().remove(context.app(source).app().guid(), context.app(destination).app().guid(),
                CONTAINER_PORT);
    }

    @Then("app {string} reaches app {string} over its internal route")
    public void reaches(String source, String destination) {
        PushedApp target = context.app(destination);
        AppResponse answer = Awaitility.await("app " + source + " reaching " + url(destination))
                .pollInSameThread().pollInterval(Duration.ofMillis(500)).atMost(context.cf().timeouts().route())
                .until(() -> proxy(source, destination), response -> response.status() == 200);
        assertThat(answer.body()).as("what %s answered %s", url(destination), source).contains(target.app().name());
    }

    @Then("app {string} cannot reach app {string} over its internal route")
    public void cannotReach(String source, String destination) {
        // 502 is the source app saying its own connection failed; anything else (a router 404) proves nothing.
        Awaitility.await("app " + source + " failing to reach " + url(destination) + " for " + DENIAL_HOLDS.toSeconds()
                        + " s in a row")
                .pollInSameThread().pollInterval(Duration.ofMillis(500)).during(DENIAL_HOLDS)
                .atMost(context.cf().timeouts().route())
                .until(() -> proxy(source, destination), response -> response.status() == 502
                        && response.body().startsWith("proxy to "));
    }

    @Then("the internal route of app {string} is not served by the public router")
    public void notPublic(String alias) {
        String host = internalHosts.get(alias);
        if (context.config().routerAddress() == null) {
            // Without router_address a route's host is looked up in DNS, where apps.internal is not served at all.
            assertThatThrownBy(() -> context.requests().get(host, "/", Map.of()))
                    .as("GET %s/ from outside CF", host).isInstanceOf(RuntimeException.class);
            return;
        }
        AppResponse response = context.requests().get(host, "/", Map.of());
        assertThat(response.status()).as("GET %s/ through the router at router_address", host).isEqualTo(404);
        assertThat(response.header("X-Cf-Routererror")).as("X-Cf-Routererror for %s", host).isEqualTo("unknown_route");
    }

    private String url(String destination) {
        String host = internalHosts.get(destination);
        if (host == null) {
            throw new IllegalStateException("app \"" + destination + "\" has no internal route yet: a step like"
                    + " 'app \"" + destination + "\" has an internal route' must come first");
        }
        return "http://" + host + ":" + CONTAINER_PORT + "/";
    }

    private AppResponse proxy(String source, String destination) {
        String target = url(destination).substring("http://".length());
        return context.requests().get(context.app(source), "/proxy/" + target);
    }
}
