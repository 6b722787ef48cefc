package vigil.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Marks reruns in Allure's results: the attempts of a rerun scenario share a {@code historyId}, which makes
 * Allure show the earlier ones as retries of the last; a last attempt that passed after a failed one gets
 * {@code statusDetails.flaky = true}, so the report shows it flaky rather than plainly green.
 */
final class AllureFlakyMarker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FAILED = Set.of("failed", "broken");
    private static final String RESULT_SUFFIX = "-result.json";

    private AllureFlakyMarker() {
    }

    /** Marks the flaky results in {@code resultsDir} and returns how many it marked. */
    static int mark(Path resultsDir) throws IOException {
        if (!Files.isDirectory(resultsDir)) {
            return 0;
        }
        Map<String, List<Result>> byHistory = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(resultsDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(RESULT_SUFFIX)).toList()) {
                JsonNode json = JSON.readTree(file.toFile());
                if (json instanceof ObjectNode result && result.hasNonNull("historyId")) {
                    byHistory.computeIfAbsent(result.get("historyId").asText(), id -> new ArrayList<>())
                            .add(new Result(file, result));
                }
            }
        }
        int marked = 0;
        for (List<Result> attempts : byHistory.values()) {
            if (attempts.size() < 2) {
                continue;
            }
            attempts.sort(Comparator.comparingLong(r -> r.json().path("start").asLong()));
            Result last = attempts.get(attempts.size() - 1);
            boolean failedBefore = attempts.subList(0, attempts.size() - 1).stream()
                    .anyMatch(r -> FAILED.contains(r.json().path("status").asText()));
            if (failedBefore && "passed".equals(last.json().path("status").asText())) {
                ObjectNode details = last.json().has("statusDetails") && last.json().get("statusDetails").isObject()
                        ? (ObjectNode) last.json().get("statusDetails")
                        : last.json().putObject("statusDetails");
                details.put("flaky", true);
                AtomicFileWriter.write(last.file(), out -> JSON.writeValue(out, last.json()));
                marked++;
            }
        }
        return marked;
    }

    private record Result(Path file, ObjectNode json) {
    }
}
