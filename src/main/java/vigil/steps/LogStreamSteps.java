package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import vigil.cf.AppLogLine;
import vigil.cf.AppResponse;
import vigil.cf.CfApiException;
import vigil.cf.LogStream;

/** Streaming an app's logs from CF's log stream (RLP gateway), as {@code cf logs} follows them. */
public final class LogStreamSteps {
    private final ScenarioContext context;
    private final List<AppLogLine> streamed = new CopyOnWriteArrayList<>();
    private LogStream.Subscription subscription;
    private List<String> written = List.of();
    private CfApiException refusal;

    public LogStreamSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("the app's log is streamed from the log stream of GET \\/")
    public void logIsStreamed() {
        subscription = context.cf().logStream().open(context.app().app().guid(), streamed::add);
    }

    @When("the app writes {int} numbered lines to its log")
    public void appWritesNumberedLines(int count) {
        String run = "vigil-stream-" + UUID.randomUUID();
        written = IntStream.rangeClosed(1, count).mapToObj(n -> run + "-" + n).toList();
        for (String line : written) {
            AppResponse response = context.requests().get(context.requests().host(context.app()), "/log/" + line, Map.of());
            assertThat(response.status()).as("GET /log/%s through the route", line).isEqualTo(200);
        }
    }

    @Then("the stream delivers the lines in order, each once, from the app's instance")
    public void streamDeliversLines() {
        String last = written.get(written.size() - 1);
        try {
            Awaitility.await("the line " + last + " on the log stream of " + context.app().app().name())
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(200))
                    .atMost(context.config().scaled(Duration.ofSeconds(30)))
                    .until(() -> streamed.stream().anyMatch(line -> line.text().equals(last)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; the stream delivered " + ours() + " (stream state: "
                    + (subscription.ended() == null ? "open" : subscription.ended()) + ")", e);
        }
        assertThat(ours()).as("our lines on the log stream, in the order they came").containsExactlyElementsOf(written);
        streamed.stream().filter(line -> written.contains(line.text())).forEach(line -> {
            assertThat(line.sourceType()).as("source type of %s", line.text()).startsWith("APP/PROC/WEB");
            assertThat(line.instanceId()).as("instance of %s", line.text()).isEqualTo("0");
            assertThat(line.stderr()).as("%s came from stderr", line.text()).isFalse();
        });
    }

    @When("the app's log stream is opened without a token")
    public void openedWithoutToken() {
        refusal = catchThrowableOfType(() -> context.cf().withAuthorization(null).logStream()
                .open(UUID.randomUUID().toString(), line -> { }).close(), CfApiException.class);
    }

    @Then("the log stream refuses with {int} {string}")
    public void streamRefuses(int status, String error) {
        assertThat(refusal).as("the log stream's answer to a reader without a token (it streamed instead)").isNotNull();
        assertThat(refusal.status()).as("status of %s", refusal.getMessage()).isEqualTo(status);
        assertThat(refusal.title()).as("error of %s", refusal.getMessage()).isEqualTo(error);
    }

    private List<String> ours() {
        return streamed.stream().map(AppLogLine::text).filter(written::contains).toList();
    }

    @After
    public void closeStream() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
