package vigil.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import vigil.report.Shard;
import vigil.report.Suite;

/**
 * What to run and where to write it.
 *
 * @param tags        a Cucumber tag expression narrowing the suites further, e.g. {@code @routing and not @slow}
 * @param featuresDir a folder of the team's own features to run instead of the bundled ones
 * @param during      the deploy (or fault script) the availability scenarios measure ({@code --during})
 * @param duration    measure for this long instead of running a deploy ({@code --duration})
 * @param readyFile   written once the availability probes are live ({@code --ready-file})
 * @param shard       run only this shard's part of the selected scenarios ({@code --shard})
 * @param rerunFailed how often a failed smoke or acceptance scenario is run again ({@code --rerun-failed}); 0: never
 */
public record RunPlan(Set<Suite> suites, Optional<String> tags, Optional<Path> featuresDir, int parallel,
                      Path reportsDir, Optional<String> during, Optional<Duration> duration, Optional<Path> readyFile,
                      Optional<Shard> shard, int rerunFailed) {
    public RunPlan {
        suites = Set.copyOf(suites);
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one suite");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        }
        if (rerunFailed < 0) {
            throw new IllegalArgumentException("rerunFailed must not be negative, got " + rerunFailed);
        }
    }

    /** A plan that runs every selected scenario once (no {@code --shard}, no reruns). */
    public RunPlan(Set<Suite> suites, Optional<String> tags, Optional<Path> featuresDir, int parallel,
                   Path reportsDir, Optional<String> during, Optional<Duration> duration, Optional<Path> readyFile) {
        this(suites, tags, featuresDir, parallel, reportsDir, during, duration, readyFile, Optional.empty(), 0);
    }
}
