package vigil.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Joins the summaries of several runs, usually the shards of one ({@code vigil run --shard I/N}), into one
 * as if they had been one run: every scenario and availability probe, the suites any part selected, the
 * earliest start and the latest end. The verdict is not decided here but by the same rules as for a single
 * run; this only refuses parts that do not make one run: the same run given twice, shards of different
 * splits, a missing shard, or a summary whose scenario list disagrees with its own counts.
 *
 * <p>Example: {@code new RunMerger().merge(List.of(ShardRun.read(a), ShardRun.read(b)))}.
 */
public final class RunMerger {

    public MergedRuns merge(List<ShardRun> parts) throws MergeException {
        if (parts.isEmpty()) {
            throw new MergeException("no reports folder to merge; give the folder of every shard's run");
        }
        checkDistinct(parts);
        checkShards(parts);
        for (ShardRun part : parts) {
            checkCounts(part);
        }
        Set<Suite> suites = EnumSet.noneOf(Suite.class);
        List<ScenarioResult> scenarios = new ArrayList<>();
        List<AvailabilityResult> availability = new ArrayList<>();
        for (ShardRun part : parts) {
            Summary summary = part.summary();
            for (Suite suite : Suite.values()) {
                if (summary.suites().of(suite).selected()) {
                    suites.add(suite);
                }
            }
            summary.scenarios().forEach(s -> scenarios.add(new ScenarioResult(s.suite(), s.feature(), s.name(),
                    s.status(), Duration.ofMillis(Math.round(s.durationS() * 1000)), s.error(), failedReruns(s),
                    s.start(), s.end())));
            availability.addAll(summary.availability());
        }
        if (suites.isEmpty()) {
            // A summary always names its suites; one with none was not written by vigil run.
            throw new MergeException(parts.get(0).dir() + ": its summary.json selects no suite");
        }
        return new MergedRuns(
                parts.stream().map(p -> p.summary().runId()).collect(Collectors.joining("+")),
                parts.stream().map(p -> p.summary().started()).filter(Objects::nonNull).min(Comparator.naturalOrder())
                        .orElse(null),
                parts.stream().map(p -> p.summary().finished()).filter(Objects::nonNull).max(Comparator.naturalOrder())
                        .orElse(null),
                suites, scenarios, availability, during(parts), parts);
    }

    private static void checkDistinct(List<ShardRun> parts) throws MergeException {
        Map<String, ShardRun> byRunId = new HashMap<>();
        for (ShardRun part : parts) {
            ShardRun earlier = byRunId.putIfAbsent(part.summary().runId(), part);
            if (earlier != null) {
                throw new MergeException(earlier.dir() + " and " + part.dir() + " hold the same run (run_id "
                        + part.summary().runId() + "); give each run's reports folder once");
            }
        }
    }

    /** Sharded parts must all be shards of one split, each once, none missing. */
    private static void checkShards(List<ShardRun> parts) throws MergeException {
        List<ShardRun> sharded = parts.stream().filter(p -> p.summary().shard() != null).toList();
        if (sharded.isEmpty()) {
            return;
        }
        int count = sharded.get(0).summary().shard().count();
        Map<Integer, ShardRun> byIndex = new HashMap<>();
        for (ShardRun part : sharded) {
            Shard shard = part.summary().shard();
            if (shard.count() != count) {
                throw new MergeException(part.dir() + " is shard " + shard + " but " + sharded.get(0).dir()
                        + " is shard " + sharded.get(0).summary().shard() + ": shards of different splits do not"
                        + " make one run; give the N folders of one --shard I/N split");
            }
            ShardRun earlier = byIndex.putIfAbsent(shard.index(), part);
            if (earlier != null) {
                throw new MergeException(earlier.dir() + " and " + part.dir() + " are both shard " + shard
                        + "; give each shard once");
            }
        }
        Set<Integer> missing = IntStream.rangeClosed(1, count).boxed()
                .filter(index -> !byIndex.containsKey(index))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            throw new MergeException("shard " + missing.stream().map(i -> i + "/" + count)
                    .collect(Collectors.joining(", ")) + " missing: without "
                    + (missing.size() == 1 ? "it" : "them") + " the merged verdict would leave scenarios unjudged;"
                    + " give the reports folder of every shard");
        }
    }

    /** A summary whose scenario list lost failed scenarios must not merge into a greener result. */
    private static void checkCounts(ShardRun part) throws MergeException {
        for (Suite suite : Suite.values()) {
            long listed = part.summary().scenarios().stream()
                    .filter(s -> s.suite() == suite && s.status() == ScenarioStatus.FAILED)
                    .count();
            int counted = part.summary().suites().of(suite).failed();
            if (listed != counted) {
                throw new MergeException(new ReportLayout(part.dir()).summaryJson() + ": suites." + suite.id()
                        + ".failed is " + counted + " but its scenario list has " + listed
                        + " failed; the file was changed or cut short");
            }
        }
    }

    private static DuringResult during(List<ShardRun> parts) {
        List<DuringResult> all = parts.stream().map(p -> p.summary().during()).filter(Objects::nonNull).toList();
        return all.stream()
                .filter(d -> d.exitCode() != null && d.exitCode() != 0)
                .findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
    }

    /**
     * One entry per rerun of the scenario that failed, so that the merged scenario counts its attempts as the part
     * did. A summary keeps only the first failure's message; the others are in the part's JUnit file, which the
     * merge keeps as written.
     */
    private static List<String> failedReruns(Summary.Scenario scenario) {
        int attempts = scenario.attempts() == null ? 1 : scenario.attempts();
        int failedReruns = attempts - 1 - (scenario.status() == ScenarioStatus.FLAKY ? 1 : 0);
        List<String> reruns = new ArrayList<>();
        for (int attempt = 2; attempt < 2 + failedReruns; attempt++) {
            reruns.add("attempt " + attempt + " failed too (its message is in the part's JUnit XML)");
        }
        return reruns;
    }
}
