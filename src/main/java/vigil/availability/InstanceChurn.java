package vigil.availability;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vigil.report.AvailabilityResult.Instances;

/**
 * Which app instances answered before, during and after the deploy. A deploy that restarted nothing (a
 * retried or no-op deploy) measures no downtime because it caused none: this is what tells that apart.
 */
final class InstanceChurn {
    /** Ids kept per phase; an app with more instances than this churns visibly anyway. */
    static final int IDS_PER_PHASE = 64;

    private final Map<DeployWindow.Phase, Set<String>> seen = new EnumMap<>(DeployWindow.Phase.class);
    private long more;

    InstanceChurn() {
        for (DeployWindow.Phase phase : DeployWindow.Phase.values()) {
            seen.put(phase, new LinkedHashSet<>());
        }
    }

    void accept(DeployWindow.Phase phase, String instance) {
        if (instance == null || instance.isEmpty()) {
            return;
        }
        Set<String> ids = seen.get(phase);
        if (ids.contains(instance)) {
            return;
        }
        if (ids.size() < IDS_PER_PHASE) {
            ids.add(instance);
        } else {
            more++;
        }
    }

    boolean anySeen() {
        return seen.values().stream().anyMatch(ids -> !ids.isEmpty());
    }

    /**
     * Whether the deploy replaced an instance: one answered during or after that had not before, or one that
     * answered before no longer does after.
     */
    boolean changed() {
        Set<String> before = seen.get(DeployWindow.Phase.BEFORE);
        Set<String> after = seen.get(DeployWindow.Phase.AFTER);
        Set<String> later = new LinkedHashSet<>(seen.get(DeployWindow.Phase.DURING));
        later.addAll(after);
        return !before.containsAll(later) || !after.isEmpty() && !after.containsAll(before);
    }

    /**
     * The warning for a deploy that replaced no instance, or {@code null}. Says nothing when no deploy was
     * marked or the target names no instances (then churn cannot be judged either way).
     */
    String warning(DeployWindow deploy) {
        if (!deploy.marked() || !anySeen() || changed()) {
            return null;
        }
        return "no instance changed during the deploy: this run is no evidence of deploy availability";
    }

    Instances instances() {
        return new Instances(List.copyOf(seen.get(DeployWindow.Phase.BEFORE)),
                List.copyOf(seen.get(DeployWindow.Phase.DURING)), List.copyOf(seen.get(DeployWindow.Phase.AFTER)),
                more);
    }
}
