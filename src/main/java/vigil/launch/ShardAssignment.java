package vigil.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vigil.report.Shard;

/**
 * Splits the selected scenarios between N shards, the same way on every machine and in every run.
 *
 * <p>The scenarios, identified by feature path and name, are put in the order of a SHA-256 hash of that
 * identity and cut into N consecutive runs of equal length (they differ by at most one). That balances the
 * shards to within one scenario, which hashing each scenario to {@code hash mod N} would not (its shard sizes
 * scatter by about the square root of the scenarios per shard: 8 and 12 are as likely as 10 and 10), and it
 * is nearly as stable: adding or removing a scenario moves at most N-1 others to another shard. The hash
 * order mixes features, so one feature's slow scenarios do not all land on one shard. A round robin over
 * the names sorted would balance as well but move most scenarios whenever one is added.
 *
 * <p>Availability scenarios all go to shard 1: they share the run's one {@code --during} deploy and its
 * ready file, and splitting them would run the deploy once per shard.
 */
final class ShardAssignment {
    /**
     * A scenario as the assignment sees it.
     *
     * @param feature      the feature file's path relative to the features folder, e.g. {@code smoke/app.feature}
     * @param availability whether it belongs to the availability suite
     */
    record Scenario(String feature, String name, boolean availability) {
        String identity() {
            return feature + "\n" + name;
        }
    }

    private ShardAssignment() {
    }

    /**
     * The shard (1 to {@code count}) of every scenario. Scenarios with the same identity (outline examples
     * of one name) share a shard.
     */
    static Map<Scenario, Integer> assign(List<Scenario> scenarios, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        Map<String, Integer> shardOfIdentity = new HashMap<>();
        TreeSet<String> others = new TreeSet<>(Comparator.comparing(ShardAssignment::hash).thenComparing(s -> s));
        for (Scenario scenario : scenarios) {
            if (scenario.availability()) {
                shardOfIdentity.put(scenario.identity(), 1);
            }
        }
        for (Scenario scenario : scenarios) {
            if (!shardOfIdentity.containsKey(scenario.identity())) {
                others.add(scenario.identity());
            }
        }
        List<String> ordered = new ArrayList<>(others);
        for (int position = 0; position < ordered.size(); position++) {
            shardOfIdentity.put(ordered.get(position), (int) ((long) position * count / ordered.size()) + 1);
        }
        Map<Scenario, Integer> shards = new HashMap<>();
        for (Scenario scenario : scenarios) {
            shards.put(scenario, shardOfIdentity.get(scenario.identity()));
        }
        return shards;
    }

    /** The scenarios of {@code shard}, in their given order. */
    static List<Scenario> select(List<Scenario> scenarios, Shard shard) {
        Map<Scenario, Integer> shards = assign(scenarios, shard.count());
        return scenarios.stream().filter(s -> shards.get(s) == shard.index()).toList();
    }

    private static String hash(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
