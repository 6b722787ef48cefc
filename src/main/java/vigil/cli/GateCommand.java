package vigil.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vigil.report.AvailabilityResult;
import vigil.report.GateDecision;
import vigil.report.GateJudge;
import vigil.report.Summary;
import vigil.report.SummaryReadException;
import vigil.report.SummaryReader;
import vigil.report.Thresholds;

/** {@code vigil gate}: judges a run's summary.json again, in a later pipeline step, optionally stricter. */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Judge a summary.json again and exit 0 (passes) or 1 (fails), saying why.",
                "Thresholds given here can only make the run's own thresholds stricter."})
final class GateCommand implements Callable<Integer> {
    @ParentCommand
    private VigilCommand vigil;

    @Option(names = "--summary", paramLabel = "FILE", defaultValue = "reports/summary.json",
            description = "The summary to judge (default: ${DEFAULT-VALUE}).")
    private Path summaryFile;

    @Option(names = "--max-failed", paramLabel = "N", defaultValue = "0",
            description = "Failed scenarios each suite may have (default: ${DEFAULT-VALUE}).")
    private int maxFailed;

    @Option(names = "--fail-on-flaky",
            description = "A flaky scenario (failed, then passed on a rerun with vigil run --rerun-failed) fails the gate.")
    private boolean failOnFlaky;

    @Mixin
    private ThresholdOptions thresholdOptions = new ThresholdOptions();

    @Override
    public Integer call() throws UsageException {
        GateJudge judge = judge();
        Summary summary;
        try {
            summary = new SummaryReader().read(summaryFile);
        } catch (SummaryReadException e) {
            throw new UsageException(e.getMessage());
        }
        GateDecision decision = judge.judge(summary);
        // Self-check probes (an outage caused on purpose): said, so that a gate that skips them does so visibly.
        summary.availability().stream().filter(AvailabilityResult::isSelfCheck).forEach(probe ->
                vigil.out.println("gate: " + probe.name() + " is a self-check of the instrument, not judged against"
                        + " thresholds (its scenario's result counts)"));
        if (decision.passed()) {
            vigil.out.println("gate passed: " + summaryFile + " (verdict " + summary.verdict().id() + ")");
            return ExitCode.PASSED;
        }
        vigil.out.println("gate failed: " + summaryFile);
        decision.reasons().forEach(reason -> vigil.out.println("  - " + reason));
        return ExitCode.FAILED;
    }

    private GateJudge judge() throws UsageException {
        Thresholds thresholds = thresholdOptions.thresholds();
        if (maxFailed < 0) {
            throw new UsageException("--max-failed: must not be negative, got " + maxFailed);
        }
        return new GateJudge(maxFailed, thresholds, failOnFlaky);
    }
}
