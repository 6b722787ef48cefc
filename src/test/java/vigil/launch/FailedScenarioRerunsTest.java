package vigil.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vigil.report.ConsoleProgress;
import vigil.report.ScenarioResult;
import vigil.report.ScenarioStatus;
import vigil.report.Suite;

/** How the attempts of rerun scenarios fold into one result each. */
class FailedScenarioRerunsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ConsoleProgress progress = new ConsoleProgress(new PrintStream(console, true, StandardCharsets.UTF_8),
            false);
    private final List<Set<String>> launched = new ArrayList<>();
    /** What each scenario does on its reruns, in order. */
    private final Map<String, Deque<ScenarioStatus>> script = new HashMap<>();

    @Test
    void aScenarioPassingOnTheSecondRerunIsFlakyWithEveryFailureKept() {
        script("smoke-1", ScenarioStatus.FAILED, ScenarioStatus.PASSED);

        List<ScenarioResult> results = reruns(3).apply(List.of(
                attempt("smoke-1", Suite.SMOKE, ScenarioStatus.FAILED, "first"),
                attempt("smoke-2", Suite.SMOKE, ScenarioStatus.PASSED, null)));

        ScenarioResult flaky = results.get(0);
        assertThat(flaky.status()).isEqualTo(ScenarioStatus.FLAKY);
        assertThat(flaky.attempts()).isEqualTo(3);
        assertThat(flaky.error()).isEqualTo("first");
        assertThat(flaky.failures()).containsExactly("first", "smoke-1 failed on attempt 2");
        assertThat(flaky.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(flaky.start()).as("start of the first attempt").isEqualTo(T0);
        assertThat(flaky.end()).as("end of the last attempt").isEqualTo(T0.plusSeconds(21));
        assertThat(results.get(1).status()).isEqualTo(ScenarioStatus.PASSED);
        assertThat(launched).containsExactly(Set.of("smoke-1"), Set.of("smoke-1"));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("rerunning 1 failed scenario (attempt 2 of at most 4)")
                .contains("rerunning 1 failed scenario (attempt 3 of at most 4)");
    }

    @Test
    void aScenarioFailingEveryAttemptStaysFailedAfterKReruns() {
        script("smoke-1", ScenarioStatus.FAILED, ScenarioStatus.FAILED, ScenarioStatus.PASSED);

        List<ScenarioResult> results = reruns(2).apply(List.of(attempt("smoke-1", Suite.SMOKE, ScenarioStatus.FAILED,
                "first")));

        assertThat(results.get(0).status()).isEqualTo(ScenarioStatus.FAILED);
        assertThat(results.get(0).attempts()).isEqualTo(3);
        assertThat(launched).hasSize(2);
    }

    @Test
    void availabilityScenariosAndPassedOnesAreNotRerunAndZeroMeansNever() {
        List<ScenarioAttempt> firstPass = List.of(
                attempt("availability-1", Suite.AVAILABILITY, ScenarioStatus.FAILED, "outage"),
                attempt("acceptance-1", Suite.ACCEPTANCE, ScenarioStatus.SKIPPED, null));

        assertThat(reruns(3).apply(firstPass)).extracting(ScenarioResult::status)
                .containsExactly(ScenarioStatus.FAILED, ScenarioStatus.SKIPPED);
        assertThat(reruns(0).apply(List.of(attempt("smoke-1", Suite.SMOKE, ScenarioStatus.FAILED, "x"))))
                .extracting(ScenarioResult::attempts).containsExactly(1);
        assertThat(launched).isEmpty();
    }

    private FailedScenarioReruns reruns(int k) {
        return new FailedScenarioReruns(k, (ids, attempt) -> {
            launched.add(ids);
            return ids.stream().map(id -> {
                ScenarioStatus status = script.get(id).removeFirst();
                return attempt(id, Suite.SMOKE, status, status == ScenarioStatus.FAILED
                        ? id + " failed on attempt " + attempt : null, attempt);
            }).toList();
        }, progress, () -> false);
    }

    private void script(String id, ScenarioStatus... statuses) {
        script.put(id, new ArrayDeque<>(List.of(statuses)));
    }

    private static ScenarioAttempt attempt(String id, Suite suite, ScenarioStatus status, String error) {
        return attempt(id, suite, status, error, 1);
    }

    /** Attempt N starts 10 s after attempt N-1 and lasts 1 s. */
    private static ScenarioAttempt attempt(String id, Suite suite, ScenarioStatus status, String error, int number) {
        Instant start = T0.plusSeconds(10L * (number - 1));
        return new ScenarioAttempt(id, new ScenarioResult(suite, "Feature", id, status, Duration.ofSeconds(1), error,
                List.of(), start, start.plusSeconds(1)));
    }
}
