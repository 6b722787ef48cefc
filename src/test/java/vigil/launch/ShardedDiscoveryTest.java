package vigil.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.jupiter.api.io.TempDir;
import vigil.report.Shard;
import vigil.report.Suite;

/** {@code --shard} on the real discovery of the bundled features and of a team's own folder. */
class ShardedDiscoveryTest {
    @TempDir
    Path reports;

    @Test
    void theShardsOfTheBundledFeaturesTogetherAreTheWholeSelectionEachScenarioOnce() throws Exception {
        List<String> all = discover(EnumSet.allOf(Suite.class), Optional.empty(), Optional.empty());
        for (int count = 1; count <= 4; count++) {
            List<String> union = new ArrayList<>();
            for (int index = 1; index <= count; index++) {
                List<String> part = discover(EnumSet.allOf(Suite.class), Optional.empty(),
                        Optional.of(new Shard(index, count)));
                assertThat(part).as("shard %d/%d", index, count).isNotEmpty();
                union.addAll(part);
            }
            assertThat(union).as("%d shards", count).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void everyAvailabilityScenarioIsOnTheFirstShard() throws Exception {
        List<String> availability = discover(EnumSet.of(Suite.AVAILABILITY), Optional.empty(), Optional.empty());
        List<String> first = discover(EnumSet.allOf(Suite.class), Optional.empty(), Optional.of(new Shard(1, 3)));

        assertThat(first).containsAll(availability);
    }

    @Test
    void aShardOfATeamsOwnFolderDoesNotDependOnWhereTheFolderIs(@TempDir Path elsewhere) throws Exception {
        Path features = Paths.get(getClass().getResource("/features-failing").toURI());
        Path copy = Files.createDirectories(elsewhere.resolve("checked-out/somewhere"));
        Files.copy(features.resolve("version.feature"), copy.resolve("version.feature"));

        for (int index = 1; index <= 2; index++) {
            Shard shard = new Shard(index, 2);
            assertThat(names(discover(EnumSet.of(Suite.SMOKE), Optional.of(copy), Optional.of(shard))))
                    .isEqualTo(names(discover(EnumSet.of(Suite.SMOKE), Optional.of(features), Optional.of(shard))))
                    .hasSize(1);
        }
    }

    @Test
    void aShardLeftWithoutScenariosIsNotASelectionError() throws Exception {
        Path features = featuresFolder();
        long found = 0;
        for (int index = 1; index <= 3; index++) {
            try (FeatureLauncher launcher = launcher(EnumSet.of(Suite.SMOKE), Optional.of(features),
                    Optional.of(new Shard(index, 3)))) {
                found += launcher.discover();
            }
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void aScenariosFeatureIsNamedByItsPathInTheFeaturesFolder() {
        UniqueId bundled = UniqueId.forEngine("cucumber").append("feature", "classpath:features/smoke/app.feature")
                .append("scenario", "12");
        UniqueId own = UniqueId.forEngine("cucumber").append("feature", "file:///home/ci/team/features/a/b.feature")
                .append("scenario", "3");

        assertThat(ShardScenarios.featurePath(bundled, Optional.empty())).isEqualTo("smoke/app.feature");
        assertThat(ShardScenarios.featurePath(own, Optional.of(Path.of("/home/ci/team/features"))))
                .isEqualTo("a/b.feature");
    }

    private List<String> discover(Set<Suite> suites, Optional<Path> features, Optional<Shard> shard)
            throws SelectionException {
        try (FeatureLauncher launcher = launcher(suites, features, shard)) {
            long count = launcher.discover();
            List<String> ids = launcher.scenarioIds();
            assertThat(ids).hasSize((int) count);
            return ids;
        }
    }

    private FeatureLauncher launcher(Set<Suite> suites, Optional<Path> features, Optional<Shard> shard) {
        RunPlan plan = new RunPlan(suites, Optional.empty(), features, 1, reports, Optional.empty(),
                Optional.empty(), Optional.empty(), shard, 0);
        return new FeatureLauncher(plan, Set.of());
    }

    /** The scenario line numbers: the part of a unique id that does not name the folder. */
    private static List<String> names(List<String> ids) {
        return ids.stream().map(id -> id.substring(id.lastIndexOf('/'))).toList();
    }

    private Path featuresFolder() throws URISyntaxException, IOException {
        return Paths.get(getClass().getResource("/features-failing").toURI());
    }
}
