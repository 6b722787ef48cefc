package vigil.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import vigil.report.ConsoleProgress;
import vigil.report.ScenarioResult;
import vigil.report.ScenarioStatus;
import vigil.report.Suite;

/**
 * {@code --rerun-failed K}: runs the failed scenarios of a pass again, up to K times, and folds the attempts into
 * one result per scenario. A scenario that passes on a rerun is {@link ScenarioStatus#FLAKY}, one that fails every
 * attempt stays {@link ScenarioStatus#FAILED}; both keep the failure of every failed attempt.
 *
 * <p>Availability scenarios are never rerun: they measure a deploy or a fault that happens once, and a second
 * measurement would not be of the same event.
 */
final class FailedScenarioReruns {
    /** Runs the scenarios with the given unique ids once more, as the given attempt (2 for the first rerun). */
    @FunctionalInterface
    interface Launch {
        List<ScenarioAttempt> run(Set<String> uniqueIds, int attempt);
    }

    private final int maxReruns;
    private final Launch launch;
    private final ConsoleProgress progress;
    private final BooleanSupplier stopped;

    /** @param stopped whether the run was aborted: no further rerun starts then */
    FailedScenarioReruns(int maxReruns, Launch launch, ConsoleProgress progress, BooleanSupplier stopped) {
        if (maxReruns < 0) {
            throw new IllegalArgumentException("maxReruns must not be negative, was " + maxReruns);
        }
        this.maxReruns = maxReruns;
        this.launch = launch;
        this.progress = progress;
        this.stopped = stopped;
    }

    /** Reruns the failed scenarios of {@code firstPass} and returns one result per scenario, in its order. */
    List<ScenarioResult> apply(List<ScenarioAttempt> firstPass) {
        Map<String, Attempts> rerun = new LinkedHashMap<>();
        for (ScenarioAttempt attempt : firstPass) {
            ScenarioResult result = attempt.result();
            if (result.status() == ScenarioStatus.FAILED && result.suite() != Suite.AVAILABILITY) {
                rerun.put(attempt.uniqueId(), new Attempts(result));
            }
        }
        Set<String> pending = new LinkedHashSet<>(rerun.keySet());
        for (int attempt = 2; attempt <= maxReruns + 1 && !pending.isEmpty() && !stopped.getAsBoolean(); attempt++) {
            progress.rerunStarted(attempt, maxReruns + 1, pending.size());
            Map<String, ScenarioResult> results = new LinkedHashMap<>();
            launch.run(Set.copyOf(pending), attempt).forEach(a -> results.put(a.uniqueId(), a.result()));
            for (String id : List.copyOf(pending)) {
                ScenarioResult result = results.get(id);
                Attempts attempts = rerun.get(id);
                if (result == null) {
                    // Nothing ran (the run was stopped, or the scenario is no longer selected): it stays failed.
                    pending.remove(id);
                } else if (result.status() == ScenarioStatus.PASSED) {
                    attempts.passed(result);
                    pending.remove(id);
                } else {
                    attempts.failed(result);
                }
            }
        }
        List<ScenarioResult> folded = new ArrayList<>();
        for (ScenarioAttempt attempt : firstPass) {
            Attempts attempts = rerun.get(attempt.uniqueId());
            folded.add(attempts == null ? attempt.result() : attempts.result());
        }
        return List.copyOf(folded);
    }

    /** The attempts of one rerun scenario so far. */
    private static final class Attempts {
        private final ScenarioResult first;
        private final List<String> rerunErrors = new ArrayList<>();
        private Duration duration;
        private Instant end;
        private boolean passed;

        Attempts(ScenarioResult first) {
            this.first = first;
            this.duration = first.duration();
            this.end = first.end();
        }

        void passed(ScenarioResult rerun) {
            duration = duration.plus(rerun.duration());
            end = rerun.end();
            passed = true;
        }

        void failed(ScenarioResult rerun) {
            duration = duration.plus(rerun.duration());
            end = rerun.end();
            String error = rerun.error() != null ? rerun.error()
                    : rerun.status().id() + " on attempt " + (rerunErrors.size() + 2);
            rerunErrors.add(error);
        }

        ScenarioResult result() {
            return new ScenarioResult(first.suite(), first.feature(), first.name(),
                    passed ? ScenarioStatus.FLAKY : ScenarioStatus.FAILED, duration, first.error(), rerunErrors,
                    first.start(), end);
        }
    }
}
