package vigil.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import vigil.report.ConsoleProgress;
import vigil.report.ScenarioResult;
import vigil.report.ScenarioStatus;
import vigil.report.Suite;

/**
 * Turns the Cucumber engine's test events into scenario results and progress lines, for one pass over the
 * scenarios: the run's first, or a rerun of the failed ones. Called from many threads.
 */
final class ScenarioListener implements TestExecutionListener {
    private static final int MAX_ERROR_LENGTH = 4000;

    private final Set<Suite> selected;
    private final ConsoleProgress progress;
    private final Map<String, Started> started = new ConcurrentHashMap<>();
    private final int attempt;
    private final List<ScenarioAttempt> results = Collections.synchronizedList(new ArrayList<>());
    private volatile TestPlan plan;

    /** The listener of the run's first pass. */
    ScenarioListener(Set<Suite> selected, ConsoleProgress progress) {
        this(selected, progress, 1);
    }

    /** @param attempt 1 for the first pass, 2 for the first rerun of failed scenarios, ... */
    ScenarioListener(Set<Suite> selected, ConsoleProgress progress, int attempt) {
        this.selected = selected;
        this.progress = progress;
        this.attempt = attempt;
    }

    List<ScenarioResult> results() {
        return attempts().stream().map(ScenarioAttempt::result).toList();
    }

    /** The results with the unique ids that select their scenarios again. */
    List<ScenarioAttempt> attempts() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            started.put(test.getUniqueId(), new Started(Instant.now(), System.nanoTime()));
            progress.scenarioStarted(suiteOf(test), test.getDisplayName());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            record(test, ScenarioStatus.SKIPPED, Instant.now(), Duration.ZERO, reason);
        } else {
            plan.getChildren(test).forEach(child -> executionSkipped(child, reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        Started start = started.remove(test.getUniqueId());
        // The duration from the monotonic clock; the wall clock only places the scenario in time.
        Duration duration = start == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start.nanos());
        Instant at = start == null ? Instant.now() : start.at();
        String error = result.getThrowable().map(ScenarioListener::describe).orElse(null);
        ScenarioStatus status = switch (result.getStatus()) {
            case SUCCESSFUL -> ScenarioStatus.PASSED;
            // Cucumber aborts a scenario for a failed assumption: it did not check anything, so not passed.
            case ABORTED -> ScenarioStatus.SKIPPED;
            case FAILED -> ScenarioStatus.FAILED;
        };
        record(test, status, at, duration, error);
    }

    private void record(TestIdentifier test, ScenarioStatus status, Instant start, Duration duration, String error) {
        ScenarioResult result = new ScenarioResult(suiteOf(test), featureOf(test), test.getDisplayName(), status,
                duration, error, List.of(), start, start.plus(duration));
        results.add(new ScenarioAttempt(test.getUniqueId(), result));
        if (attempt == 1) {
            progress.scenarioFinished(result);
        } else {
            progress.rerunFinished(result, attempt);
        }
    }

    /** The suite whose tag the scenario carries; the filter lets no scenario through without one. */
    private Suite suiteOf(TestIdentifier test) {
        return test.getTags().stream()
                .map(TestTag::getName)
                .map(Suite::fromId)
                .flatMap(Optional::stream)
                .filter(selected::contains)
                .findFirst()
                .orElseGet(() -> selected.stream().sorted().findFirst().orElseThrow());
    }

    private String featureOf(TestIdentifier test) {
        Optional<TestIdentifier> current = Optional.of(test);
        while (current.isPresent()) {
            TestIdentifier identifier = current.get();
            if ("feature".equals(identifier.getUniqueIdObject().getLastSegment().getType())) {
                return identifier.getDisplayName();
            }
            current = plan.getParent(identifier);
        }
        return "";
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage().strip();
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH) + "...";
    }

    /** When a scenario started: on the wall clock (for reports) and the monotonic one (for its duration). */
    private record Started(Instant at, long nanos) {
    }
}
