package vigil.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vigil.config.LearningSettings;
import vigil.launch.RunOutcome;
import vigil.report.AvailabilityResult;
import vigil.report.BaselineHistory;
import vigil.report.BaselineLimit;
import vigil.report.BaselineRule;

/**
 * {@code vigil run --baseline DIR} (or the {@code --history} folder's {@code summaries/}): each probe's outage
 * allowed by earlier runs of its kind, set beside its fixed thresholds; it fails the probe only when the config
 * says {@code availability.baseline.judge: true}.
 */
final class RunBaseline {
    private final Path dir;
    private final BaselineRule rule;
    private final BaselineHistory history;

    private RunBaseline(Path dir, BaselineRule rule, BaselineHistory history) {
        this.dir = dir;
        this.rule = rule;
        this.history = history;
    }

    /** Reads the earlier runs in {@code dir} before the run starts, so that a bad folder is said at once. */
    static RunBaseline read(Path dir, LearningSettings learning) throws UsageException {
        BaselineRule rule = rule(learning);
        try {
            return new RunBaseline(dir, rule, BaselineHistory.read(dir, rule));
        } catch (IOException e) {
            throw new UsageException("--baseline: cannot read " + dir + " (" + e.getMessage() + "); give a folder of"
                    + " earlier runs' summary.json files");
        }
    }

    static BaselineRule rule(LearningSettings learning) {
        return new BaselineRule(learning.minRuns(), learning.marginS(), learning.factor(), learning.kind(),
                learning.judge());
    }

    /** What was read, for the console. */
    String describe() {
        return "baseline: " + history.runs() + " earlier " + (history.runs() == 1 ? "run" : "runs") + " in " + dir
                + ", rule " + rule.describe() + ", at least " + rule.minRuns() + " of a kind"
                + (rule.judge() ? ", judged" : ", reported beside the thresholds")
                + (history.skipped().isEmpty() ? "" : "; skipped " + history.skipped().size() + " files that are no summary");
    }

    RunOutcome apply(RunOutcome outcome, String during) {
        return new RunOutcome(outcome.runId(), outcome.started(), outcome.finished(), outcome.scenarios(),
                outcome.setupFailure(), outcome.aborted(), apply(outcome.availability(), "availability", during),
                outcome.during());
    }

    List<AvailabilityResult> apply(List<AvailabilityResult> probes, String suite, String during) {
        List<AvailabilityResult> judged = new ArrayList<>();
        for (AvailabilityResult probe : probes) {
            if (probe.control() || probe.isSelfCheck()) {
                judged.add(probe); // the instrument's own checks: no history to learn from
                continue;
            }
            String kind = rule.kind(suite, probe.name(), during);
            BaselineLimit limit = rule.limit(kind, history.longestOutages(kind), probe.longestOutageS());
            boolean breached = limit.judged() && Boolean.TRUE.equals(limit.exceeded());
            judged.add(probe.withBaseline(limit, probe.passed() && !breached, breached
                    ? probe.verdict() + "; baseline: " + limit.note() : probe.verdict()));
        }
        return judged;
    }
}
