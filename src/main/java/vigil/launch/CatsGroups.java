package vigil.launch;

import java.util.HashMap;
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
    private static final Map<String, List<String>> SWITCHES_BY_TAG = withNetworking(Map.of(
            "@apps", List.of("include_apps"),
            "@detect", List.of("include_detect"),
            "@routing", List.of("include_routing"),
            "@tasks", List.of("include_tasks"),
            "@deployments", List.of("include_deployments"),
            "@services", List.of("include_services", "include_user_provided_services"),
            "@manifests", List.of("include_v3"),
            "@ssh", List.of("include_ssh"),
            // syslog drains and log streaming (issue 13): CATS has no include_logging; its log streaming tests
            // ("cf logs") run with the apps group
            "@syslog", List.of("include_app_syslog_tcp"),
            "@logging", List.of("include_apps")));

    private CatsGroups() {
    }

    /** TCP routing and container networking (issue 13), CATS's names; Map.of takes ten pairs at most. */
    private static Map<String, List<String>> withNetworking(Map<String, List<String>> groups) {
        Map<String, List<String>> all = new HashMap<>(groups);
        all.put("@tcp-routing", List.of("include_tcp_routing"));
        all.put("@container-networking", List.of("include_container_networking"));
        return Map.copyOf(all);
    }

    /** The group tags whose every switch is off in this config. */
    static Set<String> excluded(VigilConfig config) {
        Set<String> excluded = new TreeSet<>();
        SWITCHES_BY_TAG.forEach((tag, switches) -> {
            if (switches.stream().noneMatch(config::include)) {
                excluded.add(tag);
            }
        });
        return excluded;
    }
}
