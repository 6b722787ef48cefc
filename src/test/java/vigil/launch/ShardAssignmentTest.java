package vigil.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vigil.report.Shard;

class ShardAssignmentTest {
    private static final List<ShardAssignment.Scenario> SCENARIOS = IntStream.range(0, 97)
            .mapToObj(i -> new ShardAssignment.Scenario("acceptance/f" + (i % 9) + ".feature", "scenario " + i, false))
            .toList();

    @Test
    void everyScenarioIsInExactlyOneShardAndTheShardsTogetherAreTheSelection() {
        for (int count = 1; count <= 12; count++) {
            List<ShardAssignment.Scenario> union = new ArrayList<>();
            for (int index = 1; index <= count; index++) {
                union.addAll(ShardAssignment.select(SCENARIOS, new Shard(index, count)));
            }
            assertThat(union).as("%d shards", count).containsExactlyInAnyOrderElementsOf(SCENARIOS);
        }
    }

    @Test
    void shardsDifferInSizeByAtMostOne() {
        for (int count = 1; count <= 12; count++) {
            Map<Integer, Integer> sizes = sizes(ShardAssignment.assign(SCENARIOS, count), count);
            assertThat(Collections.max(sizes.values()) - Collections.min(sizes.values())).as("%d shards: %s", count, sizes)
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theAssignmentDoesNotDependOnTheOrderTheScenariosWereFoundIn() {
        List<ShardAssignment.Scenario> shuffled = new ArrayList<>(SCENARIOS);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(ShardAssignment.assign(shuffled, 4)).isEqualTo(ShardAssignment.assign(SCENARIOS, 4));
    }

    @Test
    void theAssignmentIsFixedByTheScenariosIdentityAlone() {
        // Pinned values: a change here would send scenarios to other shards than the last release did. The SHA-256
        // of "feature\nname" (checked outside Java) starts 0abd.., 15f6.., d8f0..: that order, cut in three.
        List<ShardAssignment.Scenario> three = List.of(
                new ShardAssignment.Scenario("smoke/app.feature", "An app is pushed", false),
                new ShardAssignment.Scenario("smoke/platform.feature", "The API answers", false),
                new ShardAssignment.Scenario("acceptance/routing.feature", "Path routes", false));
        Map<ShardAssignment.Scenario, Integer> shards = ShardAssignment.assign(three, 3);

        assertThat(three.stream().map(shards::get).toList()).containsExactly(1, 2, 3);
    }

    @Test
    void addingAScenarioMovesAtMostOneOtherPerShardBoundary() {
        List<ShardAssignment.Scenario> more = new ArrayList<>(SCENARIOS);
        more.add(new ShardAssignment.Scenario("acceptance/new.feature", "a new scenario", false));
        Map<ShardAssignment.Scenario, Integer> before = ShardAssignment.assign(SCENARIOS, 5);
        Map<ShardAssignment.Scenario, Integer> after = ShardAssignment.assign(more, 5);

        long moved = SCENARIOS.stream().filter(s -> !before.get(s).equals(after.get(s))).count();
        assertThat(moved).isLessThanOrEqualTo(4);
    }

    @Test
    void availabilityScenariosAllRunOnTheFirstShard() {
        List<ShardAssignment.Scenario> withAvailability = new ArrayList<>(SCENARIOS);
        IntStream.range(0, 5).forEach(i -> withAvailability.add(
                new ShardAssignment.Scenario("availability/deploy.feature", "probe " + i, true)));

        Map<ShardAssignment.Scenario, Integer> shards = ShardAssignment.assign(withAvailability, 4);

        assertThat(withAvailability.stream().filter(ShardAssignment.Scenario::availability).map(shards::get))
                .containsOnly(1);
        assertThat(sizes(shards, 4).values()).allMatch(size -> size >= 24);
    }

    @Test
    void scenariosOfTheSameNameInOneFeatureShareAShard() {
        ShardAssignment.Scenario example = new ShardAssignment.Scenario("acceptance/outline.feature", "Example", false);
        List<ShardAssignment.Scenario> outline = new ArrayList<>(SCENARIOS);
        outline.add(example);
        outline.add(example);

        int found = 0;
        for (int index = 1; index <= 6; index++) {
            found += (int) ShardAssignment.select(outline, new Shard(index, 6)).stream().filter(example::equals).count();
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void moreShardsThanScenariosLeavesSomeShardsEmpty() {
        List<ShardAssignment.Scenario> two = SCENARIOS.subList(0, 2);

        Map<Integer, Integer> sizes = sizes(ShardAssignment.assign(two, 5), 5);

        assertThat(sizes.values()).containsExactlyInAnyOrder(1, 1, 0, 0, 0);
    }

    private static Map<Integer, Integer> sizes(Map<ShardAssignment.Scenario, Integer> shards, int count) {
        Map<Integer, Integer> sizes = new HashMap<>();
        IntStream.rangeClosed(1, count).forEach(i -> sizes.put(i, 0));
        shards.values().forEach(shard -> sizes.merge(shard, 1, Integer::sum));
        return sizes;
    }
}
