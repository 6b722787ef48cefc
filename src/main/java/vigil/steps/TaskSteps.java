package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import vigil.cf.AppLogLine;
import vigil.cf.Task;

/** One-off tasks in an app's container: they succeed, fail with a reason, or are cancelled. */
public final class TaskSteps {
    private final ScenarioContext context;
    private Task task;
    private String marker;

    public TaskSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("a task prints a unique line with the app's environment")
    public void taskPrintsLine() {
        marker = "vigil-task-" + UUID.randomUUID();
        run("echo \"" + marker + " $VCAP_APPLICATION\"");
    }

    @When("a task runs {string}")
    public void run(String command) {
        task = context.cf().tasks().run(context.app().app().guid(), command);
    }

    @Then("the task SUCCEEDS")
    public void taskSucceeds() {
        Task finished = context.cf().tasks().awaitFinished(task.guid());
        assertThat(finished.state()).as("state of task %s (reason: %s)", task.name(), finished.failureReason())
                .isEqualTo("SUCCEEDED");
    }

    @Then("the task FAILS with a reason mentioning {string}")
    public void taskFails(String reason) {
        Task finished = context.cf().tasks().awaitFinished(task.guid());
        assertThat(finished.state()).as("state of task %s, which must end FAILED with a reason mentioning \"%s\"",
                task.name(), reason).isEqualTo("FAILED");
        assertThat(finished.failureReason()).as("failure reason of task %s", task.name()).contains(reason);
    }

    @Then("the app's recent logs show the task's line with the app's own GUID")
    public void logsShowTaskLine() {
        String app = context.app().app().guid();
        AppLogLine line = Awaitility.await("the line " + marker + " in the recent logs of " + app)
                .pollInSameThread().pollInterval(Duration.ofMillis(500)).atMost(context.config().scaled(Duration.ofSeconds(30)))
                .until(() -> context.cf().logCache().recent(app, 200).stream()
                        .filter(l -> l.text().contains(marker)).findFirst().orElse(null), l -> l != null);
        assertThat(line.sourceType()).as("source type of a task's output").startsWith("APP/TASK/");
        assertThat(line.text()).as("the task sees the app's VCAP_APPLICATION").contains(app);
    }

    @When("the task is RUNNING and is cancelled")
    public void cancelRunningTask() {
        context.cf().tasks().awaitState(task.guid(), "RUNNING");
        context.cf().tasks().cancel(task.guid());
    }

    @Then("the task ends FAILED as cancelled")
    public void taskCancelled() {
        Task finished = context.cf().tasks().awaitFinished(task.guid());
        assertThat(finished.state()).as("state of the cancelled task").isEqualTo("FAILED");
        assertThat(finished.failureReason()).as("failure reason of the cancelled task").containsIgnoringCase("cancel");
    }
}
