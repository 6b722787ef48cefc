package vigil.launch;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import vigil.report.Shard;
import vigil.report.Suite;

/**
 * The discovered scenarios with the identity {@link ShardAssignment} splits them by: the feature's path
 * relative to the features folder (the same for the bundled features on any machine, and for a
 * {@code --features} folder wherever it is checked out) and the scenario's name.
 */
final class ShardScenarios {
    private static final String FEATURE_SEGMENT = "feature";
    private static final String CLASSPATH_PREFIX = "classpath:";

    private final Map<String, ShardAssignment.Scenario> byUniqueId;

    private ShardScenarios(Map<String, ShardAssignment.Scenario> byUniqueId) {
        this.byUniqueId = byUniqueId;
    }

    static ShardScenarios of(TestPlan plan, Optional<Path> featuresDir) {
        Map<String, ShardAssignment.Scenario> scenarios = new LinkedHashMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.isTest()) {
                    boolean availability = test.getTags().stream()
                            .anyMatch(tag -> tag.getName().equals(Suite.AVAILABILITY.id()));
                    scenarios.put(test.getUniqueId(), new ShardAssignment.Scenario(
                            featurePath(test.getUniqueIdObject(), featuresDir), test.getDisplayName(), availability));
                }
            }
        }
        return new ShardScenarios(scenarios);
    }

    Set<String> uniqueIdsOf(Shard shard) {
        Set<ShardAssignment.Scenario> selected =
                new HashSet<>(ShardAssignment.select(new ArrayList<>(byUniqueId.values()), shard));
        Set<String> ids = new HashSet<>();
        byUniqueId.forEach((id, scenario) -> {
            if (selected.contains(scenario)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * {@code smoke/app.feature} for both {@code classpath:features/smoke/app.feature} and
     * {@code file:/home/ci/features/smoke/app.feature} run with {@code --features /home/ci/features}.
     */
    static String featurePath(UniqueId uniqueId, Optional<Path> featuresDir) {
        String uri = uniqueId.getSegments().stream()
                .filter(segment -> segment.getType().equals(FEATURE_SEGMENT))
                .map(UniqueId.Segment::getValue)
                .findFirst()
                .orElse(uniqueId.toString());
        if (uri.startsWith(CLASSPATH_PREFIX)) {
            String path = uri.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/+", "");
            String bundled = FeatureLauncher.BUNDLED_FEATURES_PACKAGE + "/";
            return path.startsWith(bundled) ? path.substring(bundled.length()) : path;
        }
        if (uri.startsWith("file:") && featuresDir.isPresent()) {
            Path file = Path.of(URI.create(uri)).toAbsolutePath().normalize();
            Path root = featuresDir.get().toAbsolutePath().normalize();
            if (file.startsWith(root)) {
                return root.relativize(file).toString().replace('\\', '/');
            }
        }
        return uri;
    }
}
