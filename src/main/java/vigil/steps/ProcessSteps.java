package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import vigil.cf.AppLogLine;
import vigil.cf.AppProcess;
import vigil.cf.PushRequest;
import vigil.cf.PushedApp;

/** Apps of several processes from a Procfile: the worker runs, has no route, and scales apart from web. */
public final class ProcessSteps {
    /** What the test app's worker prints every second; {@code instance <index>} follows the tick number. */
    private static final String WORKER_TICK = "vigil-worker tick ";
    private static final int LOG_LINES = 1000;

    private final ScenarioContext context;

    public ProcessSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the test app with a Procfile worker is pushed")
    public void pushWithWorker() {
        String name = context.run().workspace().names().next("app");
        PushRequest request = TestAppBits.request(TestAppBits.withWorker(), name, null, context.config().appsDomain(), 1,
                Map.of());
        // Always staged: the Procfile is read at staging, and the droplet must come from these bits.
        context.pushed(context.workspace().push(request, context.config().freshStaging()));
    }

    @Then("the app has a worker process with {int} instances, a process health check and no route")
    public void workerProcess(int instances) {
        PushedApp app = context.app();
        AppProcess worker = context.cf().processes().ofType(app.app().guid(), "worker");
        assertThat(worker.instances()).as("instances of the worker process a Procfile declared").isEqualTo(instances);
        assertThat(worker.healthCheckType()).as("health check type of the worker process").isEqualTo("process");
        assertThat(worker.command()).as("command of the worker process").contains("vigil.testapp.app.Worker");
        assertThat(context.cf().routes().destinationsOf(app.route().guid()))
                .as("process types the app's route leads to").containsOnly("web");
    }

    @When("the worker process is scaled to {int} instances")
    public void scaleWorker(int instances) {
        AppProcess worker = context.cf().processes().ofType(context.app().app().guid(), "worker");
        context.cf().processes().scale(worker.guid(), instances);
    }

    @Then("{int} worker instances log their ticks")
    public void workersTick(int instances) {
        String appGuid = context.app().app().guid();
        Set<String> expected = new TreeSet<>();
        for (int index = 0; index < instances; index++) {
            expected.add(Integer.toString(index));
        }
        Awaitility.await("ticks of " + instances + " worker instances (APP/PROC/WORKER, indices " + expected
                        + ") in the logs of app " + appGuid)
                .pollInSameThread().pollInterval(context.cf().timeouts().poll()).atMost(context.cf().timeouts().start())
                .until(() -> tickingWorkers(appGuid), ticking -> ticking.equals(expected));
    }

    /** The instance indices whose worker printed a tick, as the logs name their source. */
    private Set<String> tickingWorkers(String appGuid) {
        return context.cf().logCache().recent(appGuid, LOG_LINES).stream()
                .filter(line -> line.text().startsWith(WORKER_TICK))
                .filter(line -> line.sourceType().equals("APP/PROC/WORKER"))
                .map(AppLogLine::instanceId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Then("the web process still runs {int} instance")
    public void webUnchanged(int instances) {
        PushedApp app = context.app();
        assertThat(context.cf().processes().web(app.app().guid()).instances()).as("instances of the web process")
                .isEqualTo(instances);
        assertThat(context.cf().processes().stats(app.app().guid())).as("web instances")
                .hasSize(instances).allMatch(s -> s.state().equals("RUNNING"));
        assertThat(context.requests().get(app, "/").status()).as("web answer through the route").isEqualTo(200);
    }
}
