package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.awaitility.Awaitility;
import vigil.availability.TcpExchange;
import vigil.cf.Domain;
import vigil.cf.InstanceStats;
import vigil.cf.PushRequest;
import vigil.cf.Route;

/**
 * TCP routes: a route with a port in the TCP domain, reached with a plain socket at {@code tcp_router_address}
 * (or the TCP domain's DNS) and that port; the test app in its TCP mode echoes what it is sent.
 */
public final class TcpRoutingSteps {
    /** A connection's connect and answer are each bounded by this. */
    private static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(3);
    private static final int SAMPLE = 12;

    private final ScenarioContext context;
    private Route tcpRoute;

    public TcpRoutingSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the TCP echo app is pushed with {int} instance(s)")
    public void echoAppPushed(int instances) {
        String name = context.run().workspace().names().next("app");
        PushRequest request = TestAppBits.request(name, null, context.config().appsDomain(), instances,
                Map.of("VIGIL_TCP_ECHO", "true"));
        context.pushed(context.workspace().push(request, context.config().freshStaging()));
    }

    @When("a TCP route is mapped to the app")
    public void tcpRouteMapped() {
        Domain domain = TcpDomainOfRun.of(context.run());
        tcpRoute = context.cf().routes().createTcp(domain.guid(), context.workspace().space().guid());
        assertThat(tcpRoute.port()).as("port of the TCP route %s", tcpRoute.url()).isNotNull();
        context.cf().routes().map(tcpRoute.guid(), context.app().app().guid());
    }

    @Then("a line sent to the TCP route comes back unchanged")
    public void lineComesBack() {
        String line = "vigil-" + UUID.randomUUID();
        String answer = Awaitility.await("an echo of a line sent to " + address())
                .pollInSameThread().pollInterval(Duration.ofMillis(250)).atMost(context.cf().timeouts().route())
                .until(() -> exchange(line), line::equals);
        assertThat(answer).isEqualTo(line);
    }

    @Then("{int} lines sent over one connection to the TCP route come back in order")
    public void linesComeBackInOrder(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("vigil-" + i + "-" + UUID.randomUUID());
        }
        Awaitility.await("echoes of " + count + " lines sent over one connection to " + address())
                .pollInSameThread().pollInterval(Duration.ofMillis(250)).atMost(context.cf().timeouts().route())
                .until(() -> conversation(lines), lines.toString()::equals);
    }

    @Then("connections to the TCP route reach every instance of the app")
    public void everyInstanceReached() {
        // The instances are asked for afresh each round: a platform deploy meanwhile replaces them.
        Awaitility.await("connections to " + address() + " answered by every instance of the app")
                .pollInSameThread().pollInterval(Duration.ofMillis(250)).atMost(context.cf().timeouts().route())
                .until(() -> new Balance(instances(), answeringInstances()), Balance::everyInstanceAnswered);
    }

    /** One round: the app's instances now, and which of them answered (shown as the last state if it times out). */
    private record Balance(Set<String> instances, Set<String> answered) {
        boolean everyInstanceAnswered() {
            return !instances.isEmpty() && answered.equals(instances);
        }
    }

    private Set<String> instances() {
        Set<String> guids = new TreeSet<>();
        for (InstanceStats stats : context.cf().processes().stats(context.app().app().guid())) {
            guids.add(stats.instanceGuid());
        }
        return guids;
    }

    @When("the TCP route is unmapped from the app")
    public void tcpRouteUnmapped() {
        context.cf().routes().unmap(tcpRoute.guid(), context.app().app().guid());
    }

    @Then("the TCP route no longer carries bytes to the app")
    public void noLongerCarried() {
        String line = "vigil-" + UUID.randomUUID();
        // Polled until it fails (the router may take a moment), then it must stay failed for a while.
        Awaitility.await("no echo any more through the unmapped " + address())
                .pollInSameThread().pollInterval(Duration.ofMillis(250)).during(Duration.ofSeconds(2))
                .atMost(context.cf().timeouts().route())
                .until(() -> exchange(line), answer -> !answer.equals(line));
    }

    /** The scenario's TCP route, for the availability steps that probe it. */
    Route route() {
        if (tcpRoute == null) {
            throw new IllegalStateException("no TCP route yet: a step like 'a TCP route is mapped to the app' must come first");
        }
        return tcpRoute;
    }

    private String address() {
        return TcpDomainOfRun.routerHost(context.config()) + ":" + tcpRoute.port() + " (" + tcpRoute.url() + ")";
    }

    /** The answer, or what went wrong in place of one (as the last state an await names). */
    private String exchange(String line) {
        try {
            return TcpExchange.roundTrip(TcpDomainOfRun.routerHost(context.config()), tcpRoute.port(), line,
                    EXCHANGE_TIMEOUT);
        } catch (IOException e) {
            return "no answer: " + TcpExchange.failureKind(e) + " (" + e.getMessage() + ")";
        }
    }

    private String conversation(List<String> lines) {
        try {
            return TcpExchange.conversation(TcpDomainOfRun.routerHost(context.config()), tcpRoute.port(), lines,
                    EXCHANGE_TIMEOUT).toString();
        } catch (IOException e) {
            return "no answer: " + TcpExchange.failureKind(e) + " (" + e.getMessage() + ")";
        }
    }

    private Set<String> answeringInstances() {
        Set<String> instances = new TreeSet<>();
        for (int i = 0; i < SAMPLE; i++) {
            String answer = exchange("instance?");
            if (!answer.startsWith("no answer: ")) {
                instances.add(answer);
            }
        }
        return instances;
    }
}
