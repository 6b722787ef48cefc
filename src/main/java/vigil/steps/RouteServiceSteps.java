package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.HashMap;
import java.util.Map;
import vigil.cf.AppResponse;
import vigil.cf.PushedApp;
import vigil.cf.ServicePlan;
import vigil.cf.Services;

/**
 * Route services: the test app pushed as a route service (role {@code route-service}), a user-provided instance
 * with its {@code https} URL bound to the app's route, and requests to the route that must pass through it.
 */
public final class RouteServiceSteps {
    /** The route service adds this header to the requests it forwards and to their answers. */
    private static final String SEEN_HEADER = "X-Vigil-Route-Service";

    private final ScenarioContext context;
    private PushedApp routeService;
    private long forwardedBefore;
    private AppResponse answer;

    public RouteServiceSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("Vigil's route service is pushed and bound to the app's route")
    public void routeServiceBound() {
        pushRouteService();
        Services services = context.cf().services();
        String name = context.run().workspace().names().next("service");
        String instance = services.createUserProvidedRouteService(name, context.workspace().space().guid(),
                routeServiceUrl());
        context.workspace().removeAtEnd("service instance " + name, () -> services.delete(instance));
        bindAppRouteTo(instance);
    }

    @Given("Vigil's route service is pushed, offered by Vigil's test broker, and an instance of it is bound to the app's route")
    public void brokersRouteServiceBound() {
        pushRouteService();
        TestServiceBroker broker = TestServiceBroker.pushAndRegister(context, routeServiceUrl());
        Services services = context.cf().services();
        String plan = services.plansOfBroker(broker.guid()).stream()
                .filter(candidate -> candidate.offeringName().equals(broker.catalogId() + "-route"))
                .map(ServicePlan::guid).findFirst()
                .orElseThrow(() -> new AssertionError("broker " + broker.name() + " offers no route service plan"));
        String name = context.run().workspace().names().next("service");
        Services.Pending instance = services.createManaged(name, context.workspace().space().guid(), plan);
        context.workspace().removeAtEnd("service instance " + name, () -> services.delete(instance.guid()));
        services.await(instance);
        bindAppRouteTo(instance.guid());
    }

    private void pushRouteService() {
        Map<String, String> environment = new HashMap<>(Map.of("VIGIL_TESTAPP_ROLE", "route-service"));
        if (context.config().routerAddress() != null) {
            environment.put("VIGIL_ROUTER_ADDRESS", context.config().routerAddress());
        }
        routeService = TestAppRoles.push(context, context.run().workspace().names().next("route-service"), environment);
    }

    /** CF takes route services over https only. */
    private String routeServiceUrl() {
        return "https://" + context.requests().host(routeService);
    }

    private void bindAppRouteTo(String instance) {
        Services services = context.cf().services();
        String binding = services.bindRoute(context.app().route().guid(), instance);
        context.workspace().removeAtEnd("route binding " + binding, () -> services.unbindRoute(binding));
        forwardedBefore = forwardedCount();
    }

    @When("the app's route is requested")
    public void routeRequested() {
        answer = context.requests().get(context.app(), "/");
    }

    @Then("the answer comes from the app, through the route service")
    public void answerThroughRouteService() {
        assertThat(answer.status()).as("GET / of the app with a route service: %s", answer.body()).isEqualTo(200);
        assertThat(answer.body()).as("answer to GET / through the route service").startsWith("Hi, I'm "
                + context.app().app().name());
        assertThat(answer.header(SEEN_HEADER)).as("%s header of the answer: the request did not pass the route service",
                SEEN_HEADER).isNotNull();
        assertThat(forwardedCount()).as("requests the route service forwarded since it was bound")
                .isGreaterThan(forwardedBefore);
    }

    private long forwardedCount() {
        AppResponse count = context.requests().get(routeService, "/route-service/forwarded");
        assertThat(count.status()).as("GET /route-service/forwarded of the route service").isEqualTo(200);
        return Long.parseLong(count.body().trim());
    }
}
