package vigil.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The earlier runs a baseline learns from ({@code --baseline DIR}): every {@code summary.json} (or {@code *.json}
 * in a {@code summaries/} folder, as {@code --history} keeps them) up to three folders deep, each probe's longest
 * outage filed under its kind. A file that is no summary is skipped and named in {@link #skipped()}; a run seen
 * twice (the same {@code run_id}) counts once; control and self-check probes are never a baseline.
 */
public final class BaselineHistory {
    private static final int DEPTH = 3;

    private final Map<String, List<Double>> longestByKind = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();
    private int runs;

    private BaselineHistory() {
    }

    /** Reads {@code dir}; a missing folder is an empty history. */
    public static BaselineHistory read(Path dir, BaselineRule rule) throws IOException {
        BaselineHistory history = new BaselineHistory();
        if (!Files.isDirectory(dir)) {
            return history;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, DEPTH)) {
            files = walk.filter(Files::isRegularFile).filter(BaselineHistory::isSummary).sorted().toList();
        }
        Set<String> seen = new HashSet<>();
        SummaryReader reader = new SummaryReader();
        for (Path file : files) {
            Summary summary;
            try {
                summary = reader.read(file);
            } catch (SummaryReadException e) {
                history.skipped.add(e.getMessage());
                continue;
            }
            if (!seen.add(summary.runId())) {
                continue;
            }
            history.runs++;
            String suite = suiteOf(summary);
            String during = summary.during() == null ? "" : summary.during().command();
            for (AvailabilityResult probe : summary.availability()) {
                if (probe.control() || probe.isSelfCheck() || probe.samples() == 0) {
                    continue;
                }
                history.longestByKind.computeIfAbsent(rule.kind(suite, probe.name(), during), k -> new ArrayList<>())
                        .add(probe.longestOutageS());
            }
        }
        return history;
    }

    /** {@code availability} for a run of the suite, {@code monitor} for {@code vigil monitor}'s summaries. */
    public static String suiteOf(Summary summary) {
        return summary.suites().availability().selected() ? "availability" : "monitor";
    }

    private static boolean isSummary(Path file) {
        String name = file.getFileName().toString();
        return name.equals("summary.json") || name.endsWith(".json") && file.getParent() != null
                && file.getParent().getFileName().toString().equals("summaries");
    }

    /** The longest outages of earlier runs of {@code kind}, oldest file first. */
    public List<Double> longestOutages(String kind) {
        return longestByKind.getOrDefault(kind, List.of());
    }

    /** Summaries read. */
    public int runs() {
        return runs;
    }

    /** Files that were not summaries, each with why. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }
}
