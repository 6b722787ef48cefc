package vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vigil.report.AllureHtmlGenerator;
import vigil.report.ConsoleProgress;
import vigil.report.JunitMerger;
import vigil.report.MergeException;
import vigil.report.MergedArtifacts;
import vigil.report.MergedRuns;
import vigil.report.ReportLayout;
import vigil.report.RunMerger;
import vigil.report.RunReport;
import vigil.report.ShardRun;
import vigil.report.StagedReports;
import vigil.report.SummaryReadException;
import vigil.report.SummaryWriter;

/** {@code vigil merge}: joins the reports of the shards of a run (or of several runs) into one reports folder. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join the reports folders of the shards of a run (vigil run --shard I/N) into one.",
                "Writes summary.json (every scenario and probe), one JUnit XML per suite, the Allure results and"
                        + " HTML and the availability samples. Verdict and exit code follow the rules of a single run."})
final class MergeCommand implements Callable<Integer> {
    @ParentCommand
    private VigilCommand vigil;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "A reports folder of one shard's run.")
    private List<Path> dirs;

    @Option(names = "--reports", paramLabel = "OUT", defaultValue = "reports",
            description = "Where the merged reports go (default: ${DEFAULT-VALUE}); not one of the DIRs.")
    private Path reportsDir;

    @Override
    public Integer call() throws UsageException, IOException {
        List<ShardRun> parts = read();
        MergedRuns merged;
        try {
            merged = new RunMerger().merge(parts);
        } catch (MergeException e) {
            throw new UsageException(e.getMessage());
        }
        int exitCode = ExitCode.of(merged);
        RunReport report = merged.report(ExitCode.verdict(exitCode), exitCode);
        // Everything is read and checked before the first file is written: a bad input leaves no half merge.
        JunitMerger.Checked junit;
        try {
            junit = new JunitMerger().check(merged);
        } catch (MergeException e) {
            throw new UsageException(e.getMessage());
        }
        // Written into a staging folder and put in place whole: no file of an earlier merge or run mixes in.
        StagedReports staged = ReportsFolder.stage("--reports", reportsDir);
        ReportLayout shown = new ReportLayout(reportsDir);
        Path html = null;
        try {
            ReportLayout layout = new ReportLayout(staged.dir());
            junit.writeTo(layout.junitDir());
            new SummaryWriter().write(layout.summaryJson(), report);
            boolean allure = new MergedArtifacts(staged.dir()).copy(parts);
            if (allure) {
                try {
                    new AllureHtmlGenerator().generate(layout.allureResults(), layout.allureReportDir());
                    html = shown.allureHtml();
                } catch (IOException | RuntimeException e) {
                    vigil.err.println("vigil merge: could not write Allure HTML (" + shown.allureHtml() + "): "
                            + ErrorText.of(e));
                }
            }
            staged.publish(true);
        } finally {
            staged.discard();
        }
        for (ShardRun part : parts) {
            vigil.out.println("merged " + part.dir() + (part.summary().shard() == null ? ""
                    : " (shard " + part.summary().shard() + ")") + ": " + part.summary().scenarios().size()
                    + " scenarios, verdict " + part.summary().verdict().id());
        }
        new ConsoleProgress(vigil.out, false).finish(report, html);
        return exitCode;
    }

    private List<ShardRun> read() throws UsageException {
        Path out = reportsDir.toAbsolutePath().normalize();
        List<ShardRun> parts = new ArrayList<>();
        for (Path dir : dirs) {
            if (dir.toAbsolutePath().normalize().equals(out)) {
                throw new UsageException("--reports " + reportsDir + " is also given as a folder to merge; write the"
                        + " merged reports to a folder of their own");
            }
            if (!Files.isDirectory(dir)) {
                throw new UsageException(dir + ": no such folder; give the --reports folder of each shard's run");
            }
            try {
                parts.add(ShardRun.read(dir));
            } catch (SummaryReadException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return parts;
    }
}
