package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import vigil.cf.AppResponse;
import vigil.cf.PushedApp;
import vigil.cf.Sidecar;

/**
 * Sidecars: a process of its own in every instance, sharing the instance's file system and environment, and
 * restarted with it. The sidecar writes its pid and {@code CF_INSTANCE_GUID} to a file in the instance's
 * {@code $TMPDIR}; the app reads it back at {@code /sidecar/NAME}.
 */
public final class SidecarSteps {

    private final ScenarioContext context;
    private final ResilienceSteps resilience;

    public SidecarSteps(ScenarioContext context, ResilienceSteps resilience) {
        this.context = context;
        this.resilience = resilience;
    }

    /**
     * A shell loop, as any CF stack has a shell: writes its pid and the instance it runs in every second, until
     * the app asks it to stop ({@code /sidecar/NAME/stop} writes {@code vigil-sidecar-NAME.stop}), then exits 3.
     */
    static String heartbeatCommand(String name) {
        String file = "\"${TMPDIR:-/tmp}/vigil-sidecar-" + name;
        return "while [ ! -f " + file + ".stop\" ]; do echo \"pid $$ instance $CF_INSTANCE_GUID\" > " + file
                + "\"; sleep 1; done; echo \"vigil-sidecar " + name + " asked to stop\"; exit 3";
    }

    @When("a sidecar {string} is added to the web process and the app restarts")
    public void addSidecar(String name) {
        PushedApp app = context.app();
        context.cf().sidecars().create(app.app().guid(), name, heartbeatCommand(name), List.of("web"));
        context.cf().apps().restart(app.app().guid());
        context.cf().processes().awaitAllRunning(app.app().guid(), app.app().name(), context.cf().timeouts().start());
    }

    @Then("the web process lists the sidecar {string}")
    public void webListsSidecar(String name) {
        List<Sidecar> sidecars = context.cf().sidecars().ofProcess(context.app().app().guid());
        assertThat(sidecars).as("sidecars of the web process").extracting(Sidecar::name).containsExactly(name);
        assertThat(sidecars.get(0).processTypes()).as("process types of sidecar %s", name).containsExactly("web");
    }

    @When("sidecar {string} of instance {int} exits")
    public void sidecarExits(String name, int index) {
        PushedApp app = context.app();
        resilience.instanceAbout(index);
        AppResponse response = context.requests().get(context.requests().host(app), "/sidecar/" + name + "/stop",
                Map.of("X-Cf-App-Instance", app.app().guid() + ":" + index));
        assertThat(response.status()).as("GET /sidecar/%s/stop of instance %s: %s", name, index, response.body())
                .isEqualTo(200);
    }

    /** What one instance answered: its own GUID, and the sidecar's file as the app read it. */
    private record Seen(String instanceGuid, int fileStatus, String file) {
        boolean sidecarRanHere() {
            return fileStatus == 200 && file.contains("instance " + instanceGuid);
        }
    }

    @Then("instance {int} reads what sidecar {string} wrote in it, naming the instance's GUID")
    public void sidecarWroteInInstance(int index, String name) {
        PushedApp app = context.app();
        Map<String, String> toInstance = Map.of("X-Cf-App-Instance", app.app().guid() + ":" + index);
        String host = context.requests().host(app);
        Seen seen = Awaitility.await("sidecar " + name + " writing its file in instance " + index + " of "
                        + app.app().name() + " with that instance's CF_INSTANCE_GUID")
                .pollInSameThread().pollInterval(context.cf().timeouts().poll()).atMost(context.cf().timeouts().start())
                .until(() -> {
                    try {
                        String id = context.requests().get(host, "/id", toInstance).body();
                        AppResponse file = context.requests().get(host, "/sidecar/" + name, toInstance);
                        return new Seen(id, file.status(), file.body());
                    } catch (RuntimeException e) {
                        // A restarting instance may not answer yet: that is a look that saw nothing, not a failure.
                        return new Seen("?", -1, e.getMessage());
                    }
                }, Seen::sidecarRanHere);
        assertThat(seen.file()).as("what sidecar %s wrote", name).startsWith("pid ");
    }
}
