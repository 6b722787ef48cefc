package vigil.launch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vigil.config.VigilConfig;

/**
 * The CATS {@code include_*} switches and the acceptance groups (tags) they turn on, so a CATS
 * integration_config.json selects the same kind of tests in Vigil. A group runs when any of its switches
 * is on; CATS's defaults apply to switches the config leaves out. {@code @isolation} has no CATS switch
 * and always runs.
 */
final class CatsGroups {
    private static final Map<String, List<String>> SWITCHES_BY_TAG = Map.of(
            "@apps", List.of("include_apps"),
            "@detect", List.of("include_detect"),
            "@routing", List.of("include_routing"),
            "@tasks", List.of("include_tasks"),
            "@deployments", List.of("include_deployments"),
            "@services", List.of("include_services", "include_user_provided_services"),
            "@manifests", List.of("include_v3"),
            "@ssh", List.of("include_ssh"));
    /**
     * App platform features: CATS runs multi-process apps, sidecars and revisions in its v3 group and canary
     * deployments in its deployments group. (A map of its own: {@code Map.of} takes at most ten pairs.)
     */
    private static final Map<String, List<String>> PLATFORM_SWITCHES_BY_TAG = Map.of(
            "@v3", List.of("include_v3"),
            "@sidecars", List.of("include_v3"),
            "@revisions", List.of("include_v3"),
            "@canary", List.of("include_deployments"));

    private CatsGroups() {
    }

    /** The group tags whose every switch is off in this config. */
    static Set<String> excluded(VigilConfig config) {
        Set<String> excluded = new TreeSet<>();
        for (Map<String, List<String>> groups : List.of(SWITCHES_BY_TAG, PLATFORM_SWITCHES_BY_TAG)) {
            groups.forEach((tag, switches) -> {
                if (switches.stream().noneMatch(config::include)) {
                    excluded.add(tag);
                }
            });
        }
        return excluded;
    }
}
