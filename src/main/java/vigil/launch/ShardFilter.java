package vigil.launch;

import java.util.Set;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;
import vigil.report.Shard;

/** Keeps the scenarios that {@link ShardAssignment} gave to one shard, by their unique ids. */
final class ShardFilter implements PostDiscoveryFilter {
    private final Shard shard;
    private final Set<String> uniqueIds;

    ShardFilter(Shard shard, Set<String> uniqueIds) {
        this.shard = shard;
        this.uniqueIds = Set.copyOf(uniqueIds);
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!descriptor.isTest()) {
            // Containers stay; the launcher prunes the ones left without scenarios.
            return FilterResult.included("container");
        }
        return FilterResult.includedIf(uniqueIds.contains(descriptor.getUniqueId().toString()),
                () -> "in shard " + shard, () -> "in another shard than " + shard);
    }
}
